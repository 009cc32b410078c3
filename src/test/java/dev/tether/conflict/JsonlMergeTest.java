package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The union of JSONL versions: every line once, in timestamp order when every line has one. */
class JsonlMergeTest {
    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return p;
    }

    private List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p);
    }

    private static String h(long ms, String text) {
        return "{\"display\":\"" + text + "\",\"pastedContents\":{},\"timestamp\":" + ms + ",\"project\":\"/home/me/app\"}";
    }

    private static String s(String iso, String uuid) {
        return "{\"type\":\"user\",\"uuid\":\"" + uuid + "\",\"timestamp\":\"" + iso + "\"}";
    }

    @Test
    void mergeKeepsEveryLineOfBothHistoriesInTimestampOrder() throws IOException {
        Path main = file("history.jsonl", h(1, "a"), h(3, "c"), h(5, "e"));
        Path copy = file("copy.jsonl", h(1, "a"), h(2, "b"), h(3, "c"), h(4, "d"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of(h(1, "a"), h(2, "b"), h(3, "c"), h(4, "d"), h(5, "e")), lines(out));
        assertEquals(List.of(3L, 4L), r.linesPerInput());
        assertEquals(5, r.linesOut());
        assertEquals(2, r.duplicatesDropped());
        assertEquals(r.linesIn(), r.linesOut() + r.duplicatesDropped());
        assertTrue(r.orderedByTimestamp());
        assertTrue(r.streamed());
    }

    @Test
    void aLargeGroupOfEqualTimestampsKeepsEachLineOnceInInputOrder() throws IOException {
        // more lines of one timestamp than the emitter compares one by one: it goes on with digests
        int n = Emitter.GROUP_LINES * 3;
        String[] a = new String[n + 1];
        String[] b = new String[n / 2 + 1];
        for (int i = 0; i < n; i++) {
            a[i] = h(7, "same stamp " + i);
        }
        a[n] = h(8, "after");
        for (int i = 0; i < n / 2; i++) {
            b[i] = h(7, "same stamp " + (i * 2 + 1) % (n + 10));
        }
        b[n / 2] = h(8, "after");
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(file("a.jsonl", a), List.of(file("b.jsonl", b)), out);
        List<String> got = lines(out);
        assertEquals(got.size(), new java.util.HashSet<>(got).size(), "a line appears twice");
        assertEquals(n + 1 + (int) java.util.Arrays.stream(b).filter(l -> !List.of(a).contains(l)).count(), got.size());
        assertEquals(List.of(a).subList(0, n), got.subList(0, n));
        assertEquals(h(8, "after"), got.get(got.size() - 1));
        assertEquals(r.linesIn(), r.linesOut() + r.duplicatesDropped());
    }

    @Test
    void sessionTimestampsAreComparedAsInstantsWhateverTheirOffset() throws IOException {
        Path main = file("s.jsonl", s("2024-01-01T10:00:00.000Z", "1"), s("2024-01-01T12:00:00.000Z", "3"));
        Path copy = file("c.jsonl", s("2024-01-01T12:30:00+01:00", "2"));
        Path out = dir.resolve("out.jsonl");
        JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of(s("2024-01-01T10:00:00.000Z", "1"), s("2024-01-01T12:30:00+01:00", "2"),
                s("2024-01-01T12:00:00.000Z", "3")), lines(out));
    }

    @Test
    void linesAreEqualWhateverTheirLineEnd() throws IOException {
        Path main = dir.resolve("m.jsonl");
        Files.writeString(main, h(1, "a") + "\r\n" + h(2, "b") + "\r\n");
        Path copy = file("c.jsonl", h(1, "a"), h(2, "b"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(h(1, "a") + "\n" + h(2, "b") + "\n", Files.readString(out));
        assertEquals(2, r.duplicatesDropped());
    }

    @Test
    void aLastLineWithoutLineEndCounts() throws IOException {
        Path main = dir.resolve("m.jsonl");
        Files.writeString(main, h(1, "a") + "\n" + h(3, "c"));
        Path copy = file("c.jsonl", h(2, "b"));
        Path out = dir.resolve("out.jsonl");
        JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of(h(1, "a"), h(2, "b"), h(3, "c")), lines(out));
    }

    @Test
    void invalidLinesAreKeptVerbatimAndTheOrderFallsBackToMainThenNewLines() throws IOException {
        Path main = file("m.jsonl", h(3, "c"), "{\"display\":\"torn", h(1, "a"));
        Path copy = file("c.jsonl", h(2, "b"), h(3, "c"), "not json at all", "{\"display\":\"torn");
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of(h(3, "c"), "{\"display\":\"torn", h(1, "a"), h(2, "b"), "not json at all"), lines(out));
        assertEquals(2, r.invalidKept());
        assertEquals(2, r.duplicatesDropped());
        assertFalse(r.orderedByTimestamp());
    }

    @Test
    void aLineWithoutTimestampMakesTheOrderFallBack() throws IOException {
        Path main = file("s.jsonl", "{\"type\":\"summary\",\"summary\":\"x\"}", s("2024-01-01T12:00:00Z", "2"));
        Path copy = file("c.jsonl", s("2024-01-01T11:00:00Z", "1"), s("2024-01-01T12:00:00Z", "2"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of("{\"type\":\"summary\",\"summary\":\"x\"}", s("2024-01-01T12:00:00Z", "2"),
                s("2024-01-01T11:00:00Z", "1")), lines(out));
        assertFalse(r.orderedByTimestamp());
        assertEquals(0, r.invalidKept());
    }

    @Test
    void anInputOutOfOrderIsSortedInMemory() throws IOException {
        Path main = file("m.jsonl", h(1, "a"), h(4, "d"), h(2, "b"));
        Path copy = file("c.jsonl", h(3, "c"), h(4, "d"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of(h(1, "a"), h(2, "b"), h(3, "c"), h(4, "d")), lines(out));
        assertTrue(r.orderedByTimestamp());
        assertFalse(r.streamed());
    }

    @Test
    void aLateDisorderRestartsTheOutputCleanly() throws IOException {
        String[] sorted = new String[5000];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = h(i * 10L, "line " + i);
        }
        Path main = file("m.jsonl", sorted);
        Path copy = file("c.jsonl", h(5, "early"), h(49_990, "line 4999"), h(7, "late but early"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        List<String> got = lines(out);
        assertEquals(5002, got.size());
        assertEquals(List.of(h(0, "line 0"), h(5, "early"), h(7, "late but early"), h(10, "line 1")), got.subList(0, 4));
        assertEquals(h(49_990, "line 4999"), got.get(5001));
        assertFalse(r.streamed());
    }

    @Test
    void blankLinesAreDropped() throws IOException {
        Path main = file("m.jsonl", h(1, "a"), "", "   ", h(2, "b"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(), out);
        assertEquals(List.of(h(1, "a"), h(2, "b")), lines(out));
        assertEquals(2, r.blankLinesDropped());
        assertTrue(r.orderedByTimestamp());
    }

    @Test
    void bytesThatAreNotUtf8SurviveUnchanged() throws IOException {
        byte[] odd = {'{', '"', 'x', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        Path main = dir.resolve("m.jsonl");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(odd);
        bytes.write('\n');
        Files.write(main, bytes.toByteArray());
        Path copy = file("c.jsonl", h(1, "a"));
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        byte[] expected = (new String(odd, StandardCharsets.ISO_8859_1) + "\n" + h(1, "a") + "\n").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(expected, Files.readAllBytes(out));
        assertEquals(1, r.invalidKept());
    }

    @Test
    void twoInputsWithoutAMainGiveTheSameSetEitherWay() throws IOException {
        Path local = file("local.jsonl", h(1, "a"), h(3, "c"));
        Path synced = file("synced.jsonl", h(2, "b"), h(3, "c"));
        Path one = dir.resolve("one.jsonl");
        Path two = dir.resolve("two.jsonl");
        JsonlMerge.merge(List.of(local, synced), one);
        JsonlMerge.merge(List.of(synced, local), two);
        assertEquals(Files.readString(one), Files.readString(two));
    }

    @Test
    void theResultHasTheNewestModificationTimeOfItsInputs() throws IOException {
        Path main = file("m.jsonl", h(1, "a"));
        Path copy = file("c.jsonl", h(2, "b"));
        Files.setLastModifiedTime(main, FileTime.fromMillis(1_700_000_000_000L));
        Files.setLastModifiedTime(copy, FileTime.fromMillis(1_700_000_500_000L));
        Path out = dir.resolve("out.jsonl");
        JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(FileTime.fromMillis(1_700_000_500_000L), Files.getLastModifiedTime(out));
    }

    @Test
    void theOutputMayNotBeAnInput() throws IOException {
        Path main = file("m.jsonl", h(1, "a"));
        Path copy = file("c.jsonl", h(2, "b"));
        assertThrows(IllegalArgumentException.class, () -> JsonlMerge.merge(main, List.of(copy), main));
        assertThrows(IllegalArgumentException.class, () -> JsonlMerge.merge(main, List.of(copy), copy));
        assertEquals(List.of(h(1, "a")), lines(main));
    }

    @Test
    void previewCountsWithoutWriting() throws IOException {
        Path main = file("m.jsonl", h(1, "a"), h(2, "b"));
        Path copy = file("c.jsonl", h(2, "b"), h(3, "c"));
        MergeResult r = JsonlMerge.preview(List.of(main, copy));
        assertEquals(3, r.linesOut());
        assertEquals(1, r.duplicatesDropped());
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void streamedAndInMemoryMergesOfSortedInputsAreTheSameBytes() throws IOException {
        Path main = file("m.jsonl", h(1, "a"), h(2, "x"), h(2, "y"), h(3, "c"));
        Path copy = file("c.jsonl", h(2, "y"), h(2, "z"), h(2, "x"), h(4, "d"));
        Path out = dir.resolve("out.jsonl");
        JsonlMerge.merge(main, List.of(copy), out);
        Capture memory = new Capture();
        JsonlMerge.sortedInMemory(List.of(main, copy), memory);
        assertEquals(Files.readString(out), memory.text());
        assertEquals(List.of(h(1, "a"), h(2, "x"), h(2, "y"), h(2, "z"), h(3, "c"), h(4, "d")), lines(out));
    }

    @Test
    void anEmptyCopyChangesNothing() throws IOException {
        Path main = file("m.jsonl", h(1, "a"));
        Path copy = file("c.jsonl");
        Path out = dir.resolve("out.jsonl");
        MergeResult r = JsonlMerge.merge(main, List.of(copy), out);
        assertEquals(List.of(h(1, "a")), lines(out));
        assertEquals(List.of(1L, 0L), r.linesPerInput());
    }

    /** A sink that keeps what it is given, for comparing strategies. */
    static final class Capture implements LineSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(byte[] line) {
            bytes.writeBytes(line);
            bytes.write('\n');
        }

        @Override
        public void restart() {
            bytes.reset();
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }
}
