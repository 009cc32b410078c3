package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A summary made line by line: counts, span, project path, first prompt; resumable; a plain JSON value. */
class SummaryAccumulatorTest {
    private static final String META = "{\"type\":\"user\",\"isMeta\":true,\"timestamp\":\"2026-05-01T10:00:01Z\","
            + "\"message\":{\"role\":\"user\",\"content\":\"Caveat: generated\"}}";
    private static final String COMMAND = "{\"type\":\"user\",\"timestamp\":\"2026-05-01T10:00:02Z\","
            + "\"message\":{\"role\":\"user\",\"content\":\"<command-name>/clear</command-name>\"}}";
    private static final String RESULT = "{\"type\":\"user\",\"timestamp\":\"2026-05-01T10:00:03Z\",\"message\":{\"role\":\"user\","
            + "\"content\":[{\"type\":\"tool_result\",\"tool_use_id\":\"t\",\"content\":\"out\"}]}}";
    private static final String SIDECHAIN = "{\"type\":\"user\",\"isSidechain\":true,\"timestamp\":\"2026-05-01T10:00:04Z\","
            + "\"message\":{\"role\":\"user\",\"content\":\"agent prompt\"}}";
    private static final String PROMPT = "{\"type\":\"user\",\"cwd\":\"/home/me/app\",\"timestamp\":\"2026-05-01T10:00:05Z\","
            + "\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"  fix the İstanbul test  \"}]}}";
    private static final String ANSWER = "{\"type\":\"assistant\",\"cwd\":\"/elsewhere\",\"timestamp\":\"2026-05-01T09:59:00Z\","
            + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}}";
    private static final String NO_TIME = "{\"type\":\"last-prompt\",\"lastPrompt\":\"x\"}";

    private static SessionSummary summarize(List<String> lines) {
        SummaryAccumulator a = SummaryAccumulator.start("s1", "-home-me-app");
        for (String l : lines) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            a.accept(b, b.length + 1);
        }
        return a.summary();
    }

    @Test
    void theFirstPromptIsTheFirstTextTheUserTyped() {
        SessionSummary s = summarize(List.of(META, COMMAND, RESULT, SIDECHAIN, PROMPT, ANSWER));
        assertEquals("fix the İstanbul test", s.firstPrompt());
    }

    @Test
    void countsUserAndAssistantLinesAsMessages() {
        SessionSummary s = summarize(List.of(NO_TIME, META, PROMPT, ANSWER, "not json", NO_TIME));
        assertEquals(3, s.messages());
        assertEquals(6, s.lines());
    }

    @Test
    void theSpanIsTheEarliestAndLatestTimestampWhateverTheOrder() {
        SessionSummary s = summarize(List.of(PROMPT, ANSWER, NO_TIME));
        assertEquals("2026-05-01T09:59:00Z", s.firstTimestamp());
        assertEquals("2026-05-01T10:00:05Z", s.lastTimestamp());
    }

    @Test
    void aSessionWithoutTimestampsHasNoSpan() {
        SessionSummary s = summarize(List.of(NO_TIME, NO_TIME));
        assertNull(s.firstTimestamp());
        assertNull(s.lastTimestamp());
        assertNull(s.firstPrompt());
    }

    @Test
    void theProjectPathIsTheFirstCwd() {
        assertEquals("/home/me/app", summarize(List.of(NO_TIME, PROMPT, ANSWER)).projectPath());
    }

    @Test
    void bytesAreWhatTheLinesTookInTheFile() {
        assertEquals(NO_TIME.length() + 1 + PROMPT.getBytes(StandardCharsets.UTF_8).length + 1,
                summarize(List.of(NO_TIME, PROMPT)).bytes());
    }

    @Test
    void aBrokenLineIsCountedAndSaidSo() {
        SummaryAccumulator a = SummaryAccumulator.start("s1", "k");
        assertFalse(a.accept("{\"type\":".getBytes(StandardCharsets.UTF_8), 10));
        assertFalse(a.accept("[1]".getBytes(StandardCharsets.UTF_8), 4));
        assertEquals(2, a.summary().lines());
    }

    @Test
    void aLongPromptIsKeptShort() {
        String prompt = "ab".repeat(400);
        SessionSummary s = summarize(List.of("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"" + prompt + "\"}}"));
        assertEquals(SummaryAccumulator.PROMPT_CHARS, s.firstPrompt().length());
    }

    @Test
    void resumingFromAnySplitGivesTheSameSummaryAsOnePass() {
        List<String> pool = List.of(META, COMMAND, RESULT, SIDECHAIN, PROMPT, ANSWER, NO_TIME, "broken{");
        Random random = new Random(3);
        for (int n = 0; n < 200; n++) {
            List<String> lines = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                lines.add(pool.get(random.nextInt(pool.size())));
            }
            int split = lines.isEmpty() ? 0 : random.nextInt(lines.size() + 1);
            SummaryAccumulator resumed = SummaryAccumulator.resume(summarize(lines.subList(0, split)));
            for (String l : lines.subList(split, lines.size())) {
                byte[] b = l.getBytes(StandardCharsets.UTF_8);
                resumed.accept(b, b.length + 1);
            }
            assertEquals(summarize(lines), resumed.summary(), lines::toString);
        }
    }

    @Test
    void aParsedLineGivesWhatItsBytesGive() {
        for (String l : List.of(META, COMMAND, RESULT, SIDECHAIN, PROMPT, ANSWER, NO_TIME, "broken{")) {
            byte[] b = l.getBytes(StandardCharsets.UTF_8);
            SummaryAccumulator raw = SummaryAccumulator.start("s", "k");
            raw.accept(b, b.length + 1);
            SummaryAccumulator parsed = SummaryAccumulator.start("s", "k");
            parsed.accept(TranscriptParser.parse(b), b.length + 1);
            assertEquals(raw.summary(), parsed.summary(), l);
        }
    }

    @Test
    void theSummaryIsAPlainJsonValue() throws Exception {
        SessionSummary s = summarize(List.of(PROMPT, ANSWER));
        JsonNode json = Json.COMPACT.valueToTree(s);
        assertEquals(List.of("id", "projectKey", "projectPath", "firstTimestamp", "lastTimestamp", "messages", "lines", "bytes",
                "firstPrompt"), iterable(json.fieldNames()));
        assertEquals(s, Json.COMPACT.readValue(Json.COMPACT.writeValueAsString(s), SessionSummary.class));
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
