package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary cache kept as its file's bytes: every entry reads back as written, whatever its key or content. */
class SummaryCacheTest {
    private static final Instant T = Instant.parse("2026-04-30T12:32:48.123456789Z");

    @TempDir
    Path tmp;

    private static SummaryCache.Known known(String id, String prompt, Problems.OfFile problems) {
        SessionSummary s = new SessionSummary(id, "-home-me-B\u00fccher-app", "/home/me/B\u00fccher app", "2026-04-30T12:00:00Z",
                prompt == null ? null : "2026-04-30T12:32:48Z", 53, 58, 35245, prompt);
        return new SummaryCache.Known(35245, T, 0x7fabcdef, s, problems);
    }

    /** Transcripts in folders with plain, non-ASCII and supplementary names, with and without problems. */
    private Map<TranscriptFile, SummaryCache.Known> examples() {
        Map<TranscriptFile, SummaryCache.Known> out = new LinkedHashMap<>();
        String[] folders = {"-home-me-app", "-home-me-B\u00fccher app", "-home-me-\ud83d\ude00-\u0130stanbul"};
        int n = 0;
        for (String folder : folders) {
            Path dir = tmp.resolve("projects").resolve(folder);
            for (int i = 0; i < 40; i++, n++) {
                String id = String.format("%08x-628a-eddb-7dca-b827482eb61c", n);
                String name = id + (i % 7 == 0 ? ".jsonl.gz" : ".jsonl");
                Problems.OfFile problems = i % 5 == 0 ? new Problems.OfFile(2, 7, "not JSON", List.of("truncated \u2014 after byte 9"))
                        : Problems.OfFile.NONE;
                out.put(TranscriptFile.listed(dir, name, dir.resolve(name), 35245, T),
                        known(id, i % 3 == 0 ? null : "rename the config loader \u2014 step " + i, problems));
            }
        }
        return out;
    }

    @Test
    void everyEntryReadsBackAsWritten() {
        Path file = tmp.resolve("sessions.bin");
        Map<TranscriptFile, SummaryCache.Known> written = examples();
        SummaryCache cache = SummaryCache.at(file);
        written.forEach(cache::put);
        assertTrue(cache.save());

        SummaryCache read = SummaryCache.at(file);
        for (Map.Entry<TranscriptFile, SummaryCache.Known> e : written.entrySet()) {
            String id = new String(e.getValue().summary().id()); // another string of the same text
            SummaryCache.Known k = read.get(e.getKey(), id);
            assertEquals(e.getValue(), k, e.getKey().toString());
            assertSame(id, k.summary().id(), "the summary shares the listed id");
            assertEquals(e.getValue(), read.get(TranscriptFile.of(e.getKey().path(), 1, T), null), "looked up by its full path too");
            read.used();
        }
        assertNull(read.get(TranscriptFile.of(tmp.resolve("projects/-home-me-app/other.jsonl"), 1, T), null));
        assertTrue(read.exact(), "each entry was used once");
        read.used();
        assertFalse(read.exact(), "one answer too many: not what the file holds");
    }

    @Test
    void aCacheThatAnsweredForEveryEntryOnceIsNotWrittenAgain() throws IOException {
        Path file = tmp.resolve("sessions.bin");
        Map<TranscriptFile, SummaryCache.Known> written = examples();
        SummaryCache cache = SummaryCache.at(file);
        written.forEach(cache::put);
        assertTrue(cache.save());
        SummaryCache read = SummaryCache.at(file);
        written.keySet().forEach(t -> {
            assertNotNull(read.get(t, null));
            read.used();
        });
        assertTrue(read.exact());
    }

    @Test
    void forgottenAndReplacedEntriesAreWrittenAsTheyAreNow() {
        Path file = tmp.resolve("sessions.bin");
        Map<TranscriptFile, SummaryCache.Known> written = examples();
        SummaryCache cache = SummaryCache.at(file);
        written.forEach(cache::put);
        assertTrue(cache.save());

        List<TranscriptFile> files = List.copyOf(written.keySet());
        SummaryCache second = SummaryCache.at(file);
        SummaryCache.Known replaced = known("replaced", "a new prompt", Problems.OfFile.NONE);
        second.put(files.get(1), replaced);
        assertEquals(replaced, second.get(files.get(1), null));
        Set<String> listed = new java.util.HashSet<>();
        files.subList(1, files.size()).forEach(t -> listed.add(t.path().toString()));
        second.keepOnly(listed);
        assertTrue(second.save());

        SummaryCache third = SummaryCache.at(file);
        assertNull(third.get(files.get(0), null), "forgotten: its file is gone");
        assertEquals(replaced, third.get(files.get(1), null));
        for (TranscriptFile t : files.subList(2, files.size())) {
            assertEquals(written.get(t), third.get(t, null));
            third.used();
        }
        third.used();
        assertTrue(third.exact(), "holds exactly the listed files");
    }

    @Test
    void aDamagedOrForeignFileIsAnEmptyCache() throws IOException {
        Path file = tmp.resolve("sessions.bin");
        Map<TranscriptFile, SummaryCache.Known> written = examples();
        SummaryCache cache = SummaryCache.at(file);
        written.forEach(cache::put);
        assertTrue(cache.save());
        byte[] bytes = Files.readAllBytes(file);
        TranscriptFile first = written.keySet().iterator().next();

        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));
        assertNull(SummaryCache.at(file).get(first, null), "truncated");
        byte[] foreign = bytes.clone();
        foreign[7] ^= 1;
        Files.write(file, foreign);
        assertNull(SummaryCache.at(file).get(first, null), "another version");
        Files.write(file, new byte[0]);
        assertNull(SummaryCache.at(file).get(first, null), "empty");
        byte[] badText = bytes.clone();
        int at = indexOf(badText, "rename".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        badText[at] = (byte) 0xF5; // not modified UTF-8
        Files.write(file, badText);
        assertNull(SummaryCache.at(file).get(first, null), "a string that DataInputStream cannot read");
    }

    @Test
    void ofTwoEntriesWithOneKeyTheLaterCounts() throws IOException {
        TranscriptFile t = examples().keySet().iterator().next();
        SummaryCache.Known older = known("older", "older prompt", Problems.OfFile.NONE);
        SummaryCache.Known newer = known("newer", "newer prompt", Problems.OfFile.NONE);
        byte[] a = saved("a.bin", t, older);
        byte[] b = saved("b.bin", t, newer);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(a, 0, 8);
        both.write(new byte[] {0, 0, 0, 2});
        both.write(a, 12, a.length - 12);
        both.write(b, 12, b.length - 12);
        Path file = tmp.resolve("both.bin");
        Files.write(file, both.toByteArray());
        SummaryCache cache = SummaryCache.at(file);
        assertEquals(newer, cache.get(t, null));
        cache.used();
        assertTrue(cache.exact(), "one entry");
    }

    private byte[] saved(String name, TranscriptFile t, SummaryCache.Known k) throws IOException {
        Path file = tmp.resolve(name);
        SummaryCache cache = SummaryCache.at(file);
        cache.put(t, k);
        assertTrue(cache.save());
        return Files.readAllBytes(file);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
