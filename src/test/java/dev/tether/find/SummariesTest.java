package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The summary cache: an unchanged file is not read again, a grown one is read from where the cache left
 * off, a rewritten one whole; whatever happened, the summary equals one read from scratch.
 */
class SummariesTest {
    @TempDir
    Path tmp;

    private Path claude;
    private Path cacheFile;
    private Path file;

    @BeforeEach
    void generate() throws IOException {
        claude = GeneratedHistory.claude(tmp, 9);
        cacheFile = tmp.resolve("state").resolve("cache").resolve("sessions.bin");
        file = GeneratedHistory.transcripts(claude).get(0);
    }

    private SessionSummary cached(Problems problems) {
        Catalog catalog = Catalog.of(List.of(ProjectsTree.live(claude)), problems);
        Summaries summaries = new Summaries(SummaryCache.at(cacheFile));
        SessionSummary s = summaries.of(entry(catalog), problems);
        summaries.of(catalog.entries().get(catalog.entries().size() - 1), problems);
        assertTrue(summaries.save(catalog));
        return s;
    }

    private SessionSummary fresh() {
        Problems problems = new Problems();
        return new Summaries(SummaryCache.none()).of(entry(Catalog.of(List.of(ProjectsTree.live(claude)), problems)), problems);
    }

    private CatalogEntry entry(Catalog catalog) {
        return catalog.entries().stream().filter(e -> (e.id() + ".jsonl").equals(file.getFileName().toString())).findFirst()
                .orElseThrow();
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        SessionSummary first = cached(new Problems());
        FileTime mtime = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        String other = new String(bytes, StandardCharsets.UTF_8).replace("\"type\":\"assistant\"", "\"type\":\"assistanT\"");
        assertEquals(bytes.length, other.getBytes(StandardCharsets.UTF_8).length);
        Files.writeString(file, other);
        Files.setLastModifiedTime(file, mtime);
        assertEquals(first, cached(new Problems()), "same size and time: the cache answers");
        assertNotEquals(first, fresh(), "the file did change");
    }

    @Test
    void aGrownFileIsReadFromWhereTheCacheLeftOff() throws IOException {
        cached(new Problems());
        Files.writeString(file, "{\"type\":\"assistant\",\"timestamp\":\"2026-06-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"more\"}}\n{\"type\":\"last-prompt\"}\n", StandardOpenOption.APPEND);
        SessionSummary grown = cached(new Problems());
        assertEquals(fresh(), grown);
        assertEquals("2026-06-01T00:00:00Z", grown.lastTimestamp());
    }

    @Test
    void aRewrittenFileIsReadWhole() throws IOException {
        cached(new Problems());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.add(0, "{\"type\":\"user\",\"timestamp\":\"2020-01-01T00:00:00Z\",\"message\":{\"role\":\"user\",\"content\":\"first!\"}}");
        Files.write(file, lines, StandardCharsets.UTF_8);
        SessionSummary rewritten = cached(new Problems());
        assertEquals(fresh(), rewritten);
        assertEquals("first!", rewritten.firstPrompt());
    }

    @Test
    void brokenLinesAreReportedAgainFromTheCache() throws IOException {
        Files.writeString(file, "this is not json\n", StandardOpenOption.APPEND);
        Problems first = new Problems();
        cached(first);
        Problems second = new Problems();
        cached(second);
        assertEquals(1, first.messages().size(), first.messages()::toString);
        assertEquals(first.messages(), second.messages());
    }

    @Test
    void aDamagedCacheIsIgnored() throws IOException {
        SessionSummary s = cached(new Problems());
        byte[] bytes = Files.readAllBytes(cacheFile);
        Files.write(cacheFile, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(s, cached(new Problems()));
        Files.writeString(cacheFile, "garbage");
        assertEquals(s, cached(new Problems()));
    }
}
