package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines come out as stored; gzip members are read one after the other; a truncated one ends the file, reported. */
class TranscriptReaderTest {
    @TempDir
    Path tmp;

    private static List<String> read(Path file, Problems problems) {
        List<String> lines = new ArrayList<>();
        TranscriptReader.read(file, (line, number, size) -> lines.add(new String(line, StandardCharsets.UTF_8)), problems);
        return lines;
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void linesLoseOnlyTheirLineEnd() throws IOException {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, "{\"a\":1}\r\n{\"b\":2}\n\n{\"c\":3}");
        Problems problems = new Problems();
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}", "", "{\"c\":3}"), read(f, problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void sizesInFileAddUpToTheFile() throws IOException {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, "{\"a\":1}\r\n{\"b\":2}\nlast");
        long[] total = {0};
        long end = TranscriptReader.read(f, (line, number, size) -> {
            total[0] += size;
            return true;
        }, new Problems());
        assertEquals(Files.size(f), total[0]);
        assertEquals(Files.size(f), end);
    }

    @Test
    void readsFromAnOffset() throws IOException {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, "one\ntwo\nthree\n");
        List<String> lines = new ArrayList<>();
        TranscriptReader.read(f, 4, (line, number, size) -> lines.add(new String(line, StandardCharsets.UTF_8)), new Problems());
        assertEquals(List.of("two", "three"), lines);
    }

    @Test
    void gzipMembersAreReadInOrder() throws IOException {
        Path f = tmp.resolve("s.jsonl.gz");
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip("one\ntwo\n"));
        both.write(gzip("three\n"));
        Files.write(f, both.toByteArray());
        Problems problems = new Problems();
        assertEquals(List.of("one", "two", "three"), read(f, problems));
        assertTrue(problems.isEmpty(), problems.messages()::toString);
    }

    @Test
    void aTruncatedGzipMemberEndsTheFileAndIsReported() throws IOException {
        Path f = tmp.resolve("s.jsonl.gz");
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip("one\ntwo\n"));
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            big.append("{\"line\":").append(i).append(",\"pad\":\"").append(Integer.toHexString(i * 7919)).append("\"}\n");
        }
        byte[] second = gzip(big.toString());
        both.write(Arrays.copyOf(second, second.length / 2));
        Files.write(f, both.toByteArray());
        Problems problems = new Problems();
        List<String> lines = read(f, problems);
        assertEquals(List.of("one", "two"), lines.subList(0, 2));
        assertTrue(lines.size() > 2 && lines.size() < 2002, "the readable part of the second member is read: " + lines.size());
        assertTrue(lines.stream().allMatch(l -> l.equals("one") || l.equals("two") || l.endsWith("\"}")), "no partial line");
        assertEquals(1, problems.messages().size(), problems.messages()::toString);
        assertTrue(problems.messages().get(0).contains("truncated gzip member"), problems.messages()::toString);
    }

    @Test
    void aFileThatIsNotGzipIsReported() throws IOException {
        Path f = tmp.resolve("s.jsonl.gz");
        Files.writeString(f, "plain text\n");
        Problems problems = new Problems();
        assertEquals(List.of(), read(f, problems));
        assertTrue(problems.messages().get(0).contains("corrupt gzip data"), problems.messages()::toString);
    }

    @Test
    void aMissingFileIsReportedNotThrown() {
        Problems problems = new Problems();
        assertEquals(List.of(), read(tmp.resolve("gone.jsonl"), problems));
        assertEquals(1, problems.messages().size());
    }
}
