package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A transcript line is read tolerantly: every type kept, missing fields are null, broken lines say why. */
class TranscriptParserTest {
    private static Entry parse(String line) {
        return TranscriptParser.parse(line.getBytes(StandardCharsets.UTF_8));
    }

    private static TranscriptLine line(String json) {
        return assertInstanceOf(TranscriptLine.class, parse(json));
    }

    @Test
    void readsTheFieldsOfAUserLine() {
        TranscriptLine l = line("{\"type\":\"user\",\"sessionId\":\"s1\",\"uuid\":\"u1\",\"timestamp\":\"2026-05-01T10:00:00.123Z\","
                + "\"cwd\":\"/home/me/app\",\"isSidechain\":true,\"message\":{\"role\":\"user\",\"content\":\"hello\"}}");
        assertEquals("user", l.type());
        assertEquals("s1", l.sessionId());
        assertEquals("u1", l.uuid());
        assertEquals(Instant.parse("2026-05-01T10:00:00.123Z"), l.timestamp());
        assertEquals("/home/me/app", l.cwd());
        assertTrue(l.sidechain());
        assertTrue(l.isMessage());
        assertEquals(List.of(new Block.Text("hello")), l.message().content());
    }

    @Test
    void aLineWithoutTimestampHasNone() {
        TranscriptLine l = line("{\"type\":\"last-prompt\",\"lastPrompt\":\"x\",\"sessionId\":\"s1\"}");
        assertEquals("last-prompt", l.type());
        assertNull(l.timestamp());
        assertNull(l.uuid());
        assertNull(l.message());
        assertFalse(l.isMessage());
    }

    @Test
    void timestampsWithOffsetsAndEpochMillisAreRead() {
        assertEquals(Instant.parse("2026-05-01T08:00:00Z"), line("{\"type\":\"x\",\"timestamp\":\"2026-05-01T10:00:00+02:00\"}").timestamp());
        assertEquals(Instant.ofEpochMilli(1718000000000L), line("{\"type\":\"x\",\"timestamp\":1718000000000}").timestamp());
        assertNull(line("{\"type\":\"x\",\"timestamp\":\"yesterday\"}").timestamp());
        assertNull(line("{\"type\":\"x\",\"timestamp\":{\"a\":1}}").timestamp());
    }

    @Test
    void readsEveryBlockType() {
        TranscriptLine l = line("{\"type\":\"assistant\",\"message\":{\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"thinking\",\"thinking\":\"hmm\",\"signature\":\"x\"},{\"type\":\"text\",\"text\":\"ok\"},"
                + "{\"type\":\"tool_use\",\"id\":\"t1\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\"}},"
                + "{\"type\":\"image\",\"source\":{\"media_type\":\"image/png\",\"data\":\"AAAA\"}},{\"type\":\"hologram\"}]}}");
        List<Block> blocks = l.message().content();
        assertEquals(new Block.Thinking("hmm"), blocks.get(0));
        assertEquals(new Block.Text("ok"), blocks.get(1));
        Block.ToolUse use = assertInstanceOf(Block.ToolUse.class, blocks.get(2));
        assertEquals("Bash", use.name());
        assertEquals("ls", use.input().get("command").asText());
        assertEquals(new Block.Image("image/png"), blocks.get(3));
        assertEquals(new Block.Other("hologram"), blocks.get(4));
    }

    @Test
    void aToolResultsContentIsAStringOrBlocks() {
        TranscriptLine s = line("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"t1\",\"content\":\"out\",\"is_error\":true}]}}");
        assertEquals(new Block.ToolResult("t1", true, "out"), s.message().content().get(0));
        TranscriptLine b = line("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"t2\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\"},{\"type\":\"text\",\"text\":\"b\"}]}]}}");
        assertEquals(new Block.ToolResult("t2", false, "a\n[image]\nb"), b.message().content().get(0));
    }

    @Test
    void unknownTypesAndLinesWithoutTypeAreKept() {
        assertEquals("atis-latch", line("{\"type\":\"atis-latch\"}").type());
        assertEquals("", line("{\"foo\":1}").type());
    }

    @Test
    void brokenLinesSayWhy() {
        assertTrue(assertInstanceOf(BrokenLine.class, parse("{\"type\":\"user\",")).reason().startsWith("not valid JSON"));
        assertEquals("not a JSON object", assertInstanceOf(BrokenLine.class, parse("[1,2]")).reason());
        assertEquals("not a JSON object", assertInstanceOf(BrokenLine.class, parse("\"text\"")).reason());
        assertTrue(assertInstanceOf(BrokenLine.class, parse("{} {}")).reason().startsWith("not valid JSON"));
        assertTrue(assertInstanceOf(BrokenLine.class, parse("  ")).blank());
        byte[] binary = {0x1f, (byte) 0x8b, 0, 0, 5, (byte) 0xff};
        assertTrue(assertInstanceOf(BrokenLine.class, TranscriptParser.parse(binary)).reason().startsWith("binary data"));
    }

    @Test
    void fieldsOfAnUnexpectedShapeAreLeftOut() {
        TranscriptLine l = line("{\"type\":7,\"uuid\":[1],\"message\":\"not an object\",\"isSidechain\":\"yes\"}");
        assertEquals("", l.type());
        assertNull(l.uuid());
        assertNull(l.message());
        assertFalse(l.sidechain());
        TranscriptLine odd = line("{\"type\":\"user\",\"message\":{\"content\":[\"plain\",{\"text\":\"no type\"},{\"type\":\"text\"}]}}");
        assertEquals(List.of(new Block.Text("plain"), new Block.Other("(no type)"), new Block.Text("")), odd.message().content());
    }
}
