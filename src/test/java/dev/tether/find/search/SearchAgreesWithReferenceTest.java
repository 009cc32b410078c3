package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tether.demo.SampleData;
import dev.tether.find.Catalog;
import dev.tether.find.Problems;
import dev.tether.find.ProjectFilter;
import dev.tether.find.ProjectsTree;
import dev.tether.find.TimeWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search (byte pre-filter, chunked reading, parsing only candidates) finds exactly the messages that a
 * search parsing every line finds, on 2,012 generated sessions and their subagents, in many scripts and
 * cases, plus planted lines: terms split across two messages, terms only in JSON keys, only in tool
 * output or thinking, written as escapes, after a CRLF, in a gzip transcript, on a broken line.
 */
class SearchAgreesWithReferenceTest {
    private static final List<String> WORDS = List.of("the", "test", "fails", "loader", "config", "merge", "session", "README",
            "İstanbul", "ISTANBUL", "ıstanbul", "Straße", "STRASSE", "ΟΔΟΣ", "οδός", "Σίσυφος", "Москва", "Ǆemal", "ǅemal",
            "naïve", "café", "cafe\u0301", "\u212Aelvin", "日本語", "テスト", "emoji🚀", "Ünïcödé", "quote\"d", "back\\slash",
            "tab\there", "step", "build", "npm run build", "src/test", "/model", "Caveat", "Summary", "toolUseResultOnly");

    @TempDir
    static Path tmp;

    private static Path projects;
    private static Catalog catalog;
    private static ReferenceSearch reference;

    @BeforeAll
    static void corpus() throws IOException {
        Path claude = tmp.resolve(".claude");
        Instant now = Instant.parse("2026-05-01T12:00:00Z");
        SampleData.generate(claude, 31, new SampleData.Scale(0, 4, 500, 4, 0, 1), now);
        projects = claude.resolve("projects");
        // a few longer sessions, which reach the subagent turn; into a project of their own
        Path more = tmp.resolve("more");
        SampleData.generate(more, 32, new SampleData.Scale(0, 1, 12, 12, 0, 1), now);
        try (Stream<Path> s = Files.list(more.resolve("projects"))) {
            for (Path p : s.toList()) {
                Files.move(p, projects.resolve(p.getFileName() + "-long"));
            }
        }
        plant();
        Problems problems = new Problems();
        catalog = Catalog.of(List.of(ProjectsTree.live(claude)), problems);
        reference = new ReferenceSearch(projects);
    }

    /** Odd lines appended to a few sessions, and one session gzipped. */
    private static void plant() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(projects, 2)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        ObjectMapper escaping = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        String user = "{\"type\":\"user\",\"uuid\":\"p%d\",\"timestamp\":\"2026-05-01T11:00:00Z\",\"message\":{\"role\":\"user\",\"content\":%s}}";
        String assistant = "{\"type\":\"assistant\",\"uuid\":\"q%d\",\"timestamp\":\"2026-05-01T11:00:01Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":%s}}";
        for (int i = 0; i < 40; i++) {
            Path f = files.get(i * 37 % files.size());
            List<String> lines = List.of(
                    String.format(user, i, "\"zebracorn ferns\""),
                    String.format(assistant, i, "[{\"type\":\"text\",\"text\":\"quokkabird\"}]"),
                    String.format(assistant, i, "[{\"type\":\"tool_use\",\"id\":\"w\",\"name\":\"mcp\",\"input\":{\"wombatkey\":\"plain\","
                            + "\"n\":{\"wombatkeytwo\":1}}},{\"type\":\"thinking\",\"thinking\":\"narwhalium\"}]"),
                    String.format(user, i, "[{\"type\":\"tool_result\",\"tool_use_id\":\"w\",\"content\":\"narwhalium\"}]"),
                    "{\"type\":\"summary\",\"summary\":\"narwhalium\"}",
                    "{\"type\":\"user\",\"isMeta\":true,\"message\":{\"role\":\"user\",\"content\":\"narwhalium\"}}",
                    String.format(user, i, escaping.writeValueAsString("Ünïcödé-escaped ПРИВЕТ мир \ud83d\ude80")),
                    String.format(user, i, "\"crlfterm at the end\"") + "\r",
                    "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"brokenterm\"}",
                    String.format(assistant, i, "\"a string answer with straße and ΣΊΣΥΦΟΣ\""));
            Files.writeString(f, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
        }
        Path zipped = files.get(5);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped.resolveSibling(zipped.getFileName() + ".gz")))) {
            Files.copy(zipped, out);
        }
        Files.delete(zipped);
    }

    private static Set<String> fast(List<String> terms) {
        Problems problems = new Problems();
        List<Hit> hits = new ArrayList<>();
        Search.run(catalog, new Search.Query(terms, ProjectFilter.ANY, TimeWindow.ALWAYS, 0), hits::add, problems);
        assertTrue(problems.isEmpty(), problems.messages()::toString);
        Set<String> out = new HashSet<>();
        for (Hit h : hits) {
            assertTrue(out.add(h.file() + ":" + h.offset()), "a message is one hit: " + h);
        }
        return out;
    }

    private static void agree(List<String> terms) {
        assertEquals(reference.hits(terms), fast(terms), () -> "terms " + terms);
    }

    @Test
    void agreesOnChosenTerms() {
        int hits = 0;
        for (String w : WORDS) {
            agree(List.of(w));
            hits += reference.hits(List.of(w)).size();
        }
        assertTrue(hits > 10_000, "the terms are found often enough to mean something: " + hits);
    }

    @Test
    void agreesOnRandomTermsInRandomCase() {
        Random random = new Random(17);
        int withHits = 0;
        for (int n = 0; n < 40; n++) {
            List<String> terms = new ArrayList<>();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                terms.add(randomCase(random, fragment(random, WORDS.get(random.nextInt(WORDS.size())))));
            }
            agree(terms);
            withHits += reference.hits(terms).isEmpty() ? 0 : 1;
        }
        assertTrue(withHits > 10 && withHits < 40, "some queries hit, some do not: " + withHits);
    }

    private static String fragment(Random random, String word) {
        int[] cps = word.codePoints().toArray();
        if (cps.length <= 2 || random.nextBoolean()) {
            return word;
        }
        int from = random.nextInt(cps.length - 1);
        int to = from + 2 + random.nextInt(cps.length - from - 1);
        return new String(cps, from, to - from);
    }

    /** Each letter in any of the forms that fold alike (İ for i, ſ for s, the Kelvin sign for k, ς for σ...). */
    private static String randomCase(Random random, String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            int[] forms = Fold.preimages(Fold.fold(c));
            out.appendCodePoint(forms[random.nextInt(forms.length)]);
        });
        return out.toString();
    }

    @Test
    void termsInDifferentMessagesAreNoHit() {
        assertEquals(40, fast(List.of("zebracorn")).size());
        assertEquals(40, fast(List.of("QUOKKABIRD")).size());
        assertEquals(Set.of(), fast(List.of("zebracorn", "quokkabird")));
        agree(List.of("zebracorn", "quokkabird"));
    }

    @Test
    void jsonKeysToolOutputThinkingSummariesAndMetaLinesAreNotSearched() {
        assertEquals(Set.of(), fast(List.of("wombatkey")));
        assertEquals(Set.of(), fast(List.of("wombatkeytwo")));
        assertEquals(Set.of(), fast(List.of("narwhalium")));
        assertEquals(Set.of(), fast(List.of("toolUseResultOnly")), "the toolUseResult copy of tool output is not searched");
        assertEquals(Set.of(), fast(List.of("brokenterm")), "a broken line is no message");
        agree(List.of("wombatkey"));
        agree(List.of("narwhalium"));
    }

    @Test
    void escapedCrlfAndGzippedTextIsFound() {
        assertEquals(40, fast(List.of("привет", "ünïcödé-ESCAPED", "🚀")).size());
        assertEquals(40, fast(List.of("CRLFTERM")).size());
        agree(List.of("привет"));
        agree(List.of("crlfterm"));
        assertTrue(fast(List.of("step")).stream().anyMatch(h -> h.contains(".jsonl.gz:")), "the gzip session is searched");
    }

    @Test
    void subagentTranscriptsAreSearched() {
        Set<String> hits = fast(List.of("the"));
        assertTrue(hits.stream().anyMatch(h -> h.contains("/subagents/agent-")), "hits in subagents");
    }
}
