package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.demo.SampleData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sessions}, {@code show} and {@code search} as a user runs them, on a generated history that
 * holds every line type: JSON documents of the contract, filters, prefixes, exit codes, and bad input
 * (a broken line, a binary file named {@code .jsonl}, a truncated gzip member, an unknown line type)
 * reported on stderr while the rest is still listed, shown and searched. They change nothing in the
 * Claude data dir.
 */
class FindIT {
    @TempDir
    Path tmp;

    private Sandbox s;
    private Map<String, String> ids;

    @BeforeEach
    void home() throws IOException {
        s = Sandbox.create(tmp);
        SampleData.generate(s.claude, 8, new SampleData.Scale(0, 3, 4, 12, 0, 1), Instant.now().truncatedTo(ChronoUnit.SECONDS));
        ids = new TreeMap<>();
        for (Path p : transcripts()) {
            ids.put(p.getFileName().toString().replace(".jsonl", ""), p.toString());
        }
    }

    private List<Path> transcripts() throws IOException {
        try (Stream<Path> st = Files.walk(s.claude.resolve("projects"), 2)) {
            return st.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private Map<String, String> claudeDir() throws IOException {
        Map<String, String> all = new TreeMap<>(s.manifest());
        all.keySet().removeIf(k -> !k.startsWith(".claude"));
        return all;
    }

    @Test
    void sessionsListsEverySessionNewestFirst() throws IOException {
        Map<String, String> before = claudeDir();
        Tether.Result r = s.run("--json", "sessions");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode doc = Sandbox.onlyJson(r);
        assertEquals("sessions", doc.path("command").asText());
        assertEquals(ids.size(), doc.path("sessions").size(), r::toString);
        String previous = null;
        for (JsonNode row : doc.path("sessions")) {
            for (String field : List.of("id", "projectKey", "projectPath", "firstTimestamp", "lastTimestamp", "messages", "lines",
                    "bytes", "firstPrompt", "status", "lastActivity")) {
                assertTrue(row.has(field), field + " missing in " + row);
            }
            assertEquals("live", row.path("status").asText());
            String last = row.path("lastActivity").asText();
            assertTrue(previous == null || Instant.parse(last).compareTo(Instant.parse(previous)) <= 0, "newest first");
            previous = last;
        }
        assertEquals(before, claudeDir(), "sessions changes nothing in the Claude data dir");
    }

    @Test
    void sessionsFilters() {
        Tether.Result text = s.run("sessions", "--project", "BÜCHER", "--last", "2");
        assertEquals(0, text.exitCode(), text::toString);
        List<String> rows = text.stdout().lines().toList();
        assertEquals(3, rows.size(), text::toString);
        assertTrue(rows.get(0).startsWith("last activity"), text::toString);
        assertTrue(rows.get(1).contains("Bücher app") && rows.get(2).contains("Bücher app"), text::toString);
        JsonNode none = Sandbox.onlyJson(s.run("--json", "sessions", "--since", "2000-01-01", "--until", "2000-01-02"));
        assertEquals(0, none.path("sessions").size());
        Tether.Result bad = s.run("sessions", "--since", "yesterday");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.stderr().contains("YYYY-MM-DD"), bad::toString);
    }

    @Test
    void showTakesAUniquePrefixAndRefusesAnAmbiguousOne() throws IOException {
        String id = ids.keySet().iterator().next();
        Tether.Result text = s.run("show", id.substring(0, 13));
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().startsWith("session " + id), text::toString);
        Tether.Result jsonl = s.run("show", id, "--format", "jsonl");
        assertEquals(Files.readString(Path.of(ids.get(id))), jsonl.stdout());
        Tether.Result md = s.run("show", id, "--format", "markdown");
        assertTrue(md.stdout().startsWith("# Session " + id.substring(0, 8)), md::toString);
        JsonNode doc = Sandbox.onlyJson(s.run("--json", "show", id));
        assertEquals(Files.readAllLines(Path.of(ids.get(id))).size(), doc.path("session").path("messages").size());
        assertEquals(id, doc.path("session").path("id").asText());

        String shared = sharedPrefix();
        Tether.Result ambiguous = s.run("show", shared);
        assertEquals(2, ambiguous.exitCode(), ambiguous::toString);
        long named = ids.keySet().stream().filter(k -> k.startsWith(shared)).filter(k -> ambiguous.stderr().contains(k)).count();
        assertTrue(named >= 2, ambiguous::toString);
        Tether.Result missing = s.run("show", "zzzz");
        assertEquals(2, missing.exitCode(), missing::toString);
        assertEquals(2, s.run("show").exitCode());
    }

    private String sharedPrefix() {
        for (String a : ids.keySet()) {
            for (String b : ids.keySet()) {
                if (!a.equals(b) && a.charAt(0) == b.charAt(0)) {
                    return a.substring(0, 1);
                }
            }
        }
        throw new AssertionError("no two ids share a first character: " + ids.keySet());
    }

    @Test
    void showMakesADigestOfManySessions() {
        Tether.Result r = s.run("show", "--project", "api-server", "--format", "markdown");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().startsWith("# Digest: 4 sessions"), r::toString);
        assertEquals(4, r.stdout().lines().filter(l -> l.startsWith("## Session ")).count(), r::toString);
    }

    @Test
    void searchExitsZeroWithHitsAndOneWithout() {
        Tether.Result hit = s.run("--json", "search", "ISTANBUL");
        assertEquals(0, hit.exitCode(), hit::toString);
        JsonNode doc = Sandbox.onlyJson(hit);
        assertTrue(doc.path("hits").size() > 0, hit::toString);
        JsonNode first = doc.path("hits").get(0);
        assertTrue(ids.containsKey(first.path("sessionId").asText()), first::toString);
        assertTrue(first.path("parts").toString().contains("\"match\":true"), first::toString);
        Tether.Result text = s.run("search", "istanbul", "--limit", "3");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().contains("**"), "the match is marked without colour: " + text);
        assertTrue(text.stdout().contains("3 hits (stopped at --limit 3"), text::toString);
        Tether.Result none = s.run("search", "zzqxnothere");
        assertEquals(1, none.exitCode(), none::toString);
    }

    @Test
    void badInputIsReportedAndTheRestIsStillListedShownAndSearched() throws IOException {
        List<Path> files = transcripts();
        Path broken = files.get(0);
        Files.writeString(broken, "{\"type\":\"user\",\"message\":\n{\"type\":\"hologram\",\"timestamp\":\"2026-05-01T00:00:00Z\"}\n",
                StandardOpenOption.APPEND);
        Path project = broken.getParent();
        byte[] binary = new byte[20_000];
        new Random(3).nextBytes(binary);
        Files.write(project.resolve("0badf11e-0000-4000-8000-000000000000.jsonl"), binary);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(files.get(1)));
        }
        byte[] whole = gz.toByteArray();
        Path truncated = project.resolve("7a0c0a7e-0000-4000-8000-000000000000.jsonl.gz");
        Files.write(truncated, Arrays.copyOf(whole, whole.length * 2 / 3));

        Tether.Result list = s.run("--json", "sessions");
        assertEquals(0, list.exitCode(), list::toString);
        assertEquals(ids.size() + 2, Sandbox.onlyJson(list).path("sessions").size(), list::toString);
        assertTrue(list.stderr().contains(broken.getFileName() + ": line "), list::toString);
        assertTrue(list.stderr().contains("0badf11e-0000-4000-8000-000000000000.jsonl: "), list::toString);
        assertTrue(list.stderr().contains("truncated gzip member"), list::toString);
        assertEquals(3, Sandbox.onlyJson(list).path("warnings").size(), "one warning per file: " + list);

        String id = broken.getFileName().toString().replace(".jsonl", "");
        Tether.Result show = s.run("show", id);
        assertEquals(0, show.exitCode(), show::toString);
        assertTrue(show.stdout().contains("skipped: not valid JSON"), show::toString);
        assertTrue(show.stdout().contains("1 line not shown: hologram"), show::toString);
        assertTrue(show.stderr().contains("tether: warning: "), show::toString);
        Tether.Result gzShow = s.run("show", "7a0c0a7e");
        assertEquals(0, gzShow.exitCode(), gzShow::toString);
        assertTrue(gzShow.stderr().contains("truncated gzip member"), gzShow::toString);

        Tether.Result search = s.run("search", "istanbul", "--limit", "0");
        assertEquals(0, search.exitCode(), search::toString);
        assertTrue(search.stderr().contains("truncated gzip member"), search::toString);
    }

    @Test
    void aHomeWithoutSessionsListsNothing() throws IOException {
        Path empty = tmp.resolve("empty-claude");
        Files.createDirectories(empty);
        Tether.Result r = s.run("--claude-dir", empty.toString(), "sessions");
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("no sessions"), r::toString);
        assertEquals(1, s.run("--claude-dir", empty.toString(), "search", "x").exitCode());
        assertFalse(r.stderr().contains("warning"), r::toString);
    }
}
