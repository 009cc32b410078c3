package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history far larger than the heap merges: two sorted histories of about 100 MB each go through a
 * JVM limited to 48 MB. Reading either whole would not fit, so passing proves the merge streams.
 */
class JsonlMergeMemoryTest {
    private static final int LINES = 320_000;
    private static final String PASTE = "x".repeat(260);

    @TempDir
    Path dir;

    @Test
    void sortedHistoriesLargerThanTheHeapMergeInBoundedMemory() throws Exception {
        Path main = dir.resolve("history.jsonl");
        Path copy = dir.resolve("history (conflicted copy 2024-01-01 120000).jsonl");
        long expected = 0;
        try (BufferedWriter m = Files.newBufferedWriter(main); BufferedWriter c = Files.newBufferedWriter(copy)) {
            for (int i = 0; i < LINES; i++) {
                String line = line(i, "both");
                expected++;
                if (i % 10 != 3) {
                    m.write(line);
                    m.write('\n');
                }
                if (i % 10 != 7) {
                    c.write(line);
                    c.write('\n');
                }
                if (i % 1000 == 0) { // a line each machine added at the same millisecond
                    m.write(line(i, "main"));
                    m.write('\n');
                    c.write(line(i, "copy"));
                    c.write('\n');
                    expected += 2;
                }
            }
        }
        assertTrue(Files.size(main) + Files.size(copy) > 4L * 48 * 1024 * 1024);
        Path out = dir.resolve("merged.jsonl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx48m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                MergeMain.class.getName(), out.toString(), main.toString(), copy.toString()).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the merge did not finish in time");
        assertEquals(0, p.exitValue(), output);
        assertEquals(expected + " ", output.substring(0, output.indexOf(' ') + 1), output);
        assertTrue(output.trim().endsWith("true true"), "not streamed in timestamp order: " + output);
        assertEquals(expected, countLines(out));
    }

    private static String line(int i, String who) {
        return "{\"display\":\"prompt " + i + " " + who + "\",\"pastedContents\":{\"1\":\"" + PASTE + "\"},\"timestamp\":"
                + (1_700_000_000_000L + i * 7L) + ",\"project\":\"/home/me/code/app\"}";
    }

    private static long countLines(Path p) throws IOException {
        long n = 0;
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) {
                for (int k = 0; k < r; k++) {
                    if (buf[k] == '\n') {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    @Test
    void theHelperMainIsOnTheClassPath() {
        assertTrue(List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)).stream()
                .anyMatch(e -> e.contains("test-classes")), System.getProperty("java.class.path"));
    }
}
