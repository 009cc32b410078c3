package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The copy of a tree, several files at a time: every byte, mode, time and link. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX modes and symlinks on a real disk; Windows copies are not run here (junctions: LinksTest)")
class TreeCopierTest {
    @TempDir
    Path dir;

    /** A tree of many small files in many folders, a few large ones, an empty file, a link, odd modes. */
    private Path tree() throws IOException {
        Path root = Files.createDirectories(dir.resolve("src/projects"));
        Random random = new Random(7);
        for (int d = 0; d < 40; d++) {
            Path sub = Files.createDirectories(root.resolve("p" + d).resolve("deeper"));
            for (int f = 0; f < 25; f++) {
                byte[] bytes = new byte[random.nextInt(5000)];
                random.nextBytes(bytes);
                Path file = Files.write((f % 2 == 0 ? sub : sub.getParent()).resolve("s" + f + ".jsonl"), bytes);
                Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + d * 1000L + f));
            }
            Files.setLastModifiedTime(sub, FileTime.fromMillis(1_600_000_000_000L + d));
        }
        byte[] large = new byte[3 * FileBytes.BUFFER + 17]; // several buffers and a partial one
        random.nextBytes(large);
        Files.write(root.resolve("large.jsonl"), large);
        Files.write(root.resolve("empty.jsonl"), new byte[0]);
        Files.createSymbolicLink(root.resolve("link"), Path.of("p1/s1.jsonl"));
        Path ro = Files.writeString(root.resolve("read-only.json"), "{}\n");
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r--r-----"));
        Files.setPosixFilePermissions(root.resolve("p3"), PosixFilePermissions.fromString("r-xr-x---"));
        return root;
    }

    @Test
    void theCopyHoldsEveryByteModeTimeAndLinkOfTheTree() throws IOException {
        Path source = tree();
        Path copy = dir.resolve("copy");
        TreeCopier.copy(source, copy, Progress.NONE);
        Manifest read = Manifest.of(source);
        assertNull(read.firstDifference(Manifest.of(copy)));
        assertNull(TreeCompare.firstDifference(source, copy));
        assertEquals(40 * 2 + 1 + 40 * 25 + 4, read.entries().size());
        assertEquals("link:p1/s1.jsonl", Manifest.of(copy).entries().get("link"));
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path q = copy.resolve(source.relativize(p).toString());
                if (!Files.isSymbolicLink(p)) { // a link is copied as its text; its own time and mode do not matter
                    assertEquals(Files.getLastModifiedTime(p), Files.getLastModifiedTime(q), p.toString());
                    assertEquals(Files.getPosixFilePermissions(p), Files.getPosixFilePermissions(q), p.toString());
                }
            }
        }
    }

    @Test
    void theFingerprintIsTheSha256AndSizeOfTheBytes() throws IOException {
        byte[] bytes = "hello\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("history.jsonl"), bytes);
        TreeCopier.copy(file, dir.resolve("copy.jsonl"), Progress.NONE);
        String expected = "sha256:" + HexFormat.of().formatHex(sha256(bytes)) + ":" + bytes.length;
        assertEquals(expected, Manifest.of(file).entries().get(""));
        assertEquals(expected, Manifest.of(dir.resolve("copy.jsonl")).entries().get(""));
    }

    @Test
    void progressCountsEveryByteAndFileFromEveryThread() throws IOException {
        Path source = tree();
        AtomicLong bytes = new AtomicLong();
        AtomicLong files = new AtomicLong();
        TreeCopier.copy(source, dir.resolve("copy"), new Progress() {
            @Override
            public void start(String what, long totalBytes, long totalFiles) {
            }

            @Override
            public void advance(long b, long f) {
                bytes.addAndGet(b);
                files.addAndGet(f);
            }

            @Override
            public void finish() {
            }
        });
        long expected;
        try (Stream<Path> all = Files.walk(source)) {
            expected = all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).mapToLong(p -> p.toFile().length()).sum();
        }
        assertEquals(expected, bytes.get());
        assertEquals(40 * 25 + 4, files.get());
    }

    @Test
    void aFailingWalkStopsTheCopyAndNothingWritesAfterItReturns() throws Exception {
        Path source = tree();
        Process mkfifo = new ProcessBuilder("mkfifo", source.resolve("p20/deeper/a-fifo").toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Path copy = dir.resolve("copy");
        IOException failure = assertThrows(IOException.class, () -> TreeCopier.copy(source, copy, Progress.NONE));
        assertTrue(failure.getMessage().contains("a-fifo"), failure.getMessage());
        List<Path> after = listing(copy);
        Thread.sleep(200);
        assertEquals(after, listing(copy), "a worker wrote after the copy had failed");
    }

    private static List<Path> listing(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.sorted().toList();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
