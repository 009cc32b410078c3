package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Lines read and scanned ahead on another thread come out exactly as LineReader and LineStamp give them. */
class ScannedLinesTest {
    @TempDir
    Path dir;

    @Test
    void everyLineAndStampInFileOrderAcrossManyBatches() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(3);
        for (int i = 0; i < 3 * ScannedLines.BATCH_LINES + 17; i++) {
            switch (random.nextInt(6)) {
                case 0 -> out.writeBytes("   \n".getBytes(StandardCharsets.UTF_8));
                case 1 -> out.writeBytes(("not json " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
                case 2 -> out.writeBytes(("{\"display\":\"é " + i + "\",\"timestamp\":" + (1000 + i) + "}\n").getBytes(StandardCharsets.UTF_8));
                default -> out.writeBytes(("{\"timestamp\":\"2025-01-01T00:00:" + String.format("%02d", i % 60) + "Z\",\"n\":" + i + "}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] big = new byte[ScannedLines.BATCH_BYTES + 10]; // one line longer than a batch
        java.util.Arrays.fill(big, (byte) 'x');
        out.writeBytes(big);
        out.writeBytes("\n{\"timestamp\":5}".getBytes(StandardCharsets.UTF_8)); // no line end at the end
        Path file = Files.write(dir.resolve("h.jsonl"), out.toByteArray());

        List<byte[]> expected = new ArrayList<>();
        try (LineReader reader = new LineReader(file)) {
            for (byte[] l; (l = reader.next()) != null; ) {
                expected.add(l);
            }
        }
        try (ScannedLines lines = new ScannedLines(file)) {
            for (byte[] want : expected) {
                ScannedLines.Line got = lines.next();
                assertArrayEquals(want, got.bytes());
                assertEquals(LineReader.isBlank(want), got.blank());
                if (!got.blank()) {
                    assertEquals(LineStamp.of(want), got.stamp());
                }
            }
            assertNull(lines.next());
            assertNull(lines.next());
        }
    }

    @Test
    @Timeout(10)
    void closingEarlyStopsTheReadingThread() throws IOException {
        Path file = Files.write(dir.resolve("long.jsonl"),
                "{\"timestamp\":1,\"display\":\"a line\"}\n".repeat(200_000).getBytes(StandardCharsets.UTF_8));
        ScannedLines lines = new ScannedLines(file);
        lines.next();
        lines.close(); // the reader waits on a full queue: close must not hang, and returns once it has ended
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("tether-scan-")), "a reading thread outlived close");
    }

    @Test
    void aMissingFileFailsAtTheFirstLine() throws IOException {
        try (ScannedLines lines = new ScannedLines(dir.resolve("missing.jsonl"))) {
            assertThrows(NoSuchFileException.class, lines::next);
        }
    }
}
