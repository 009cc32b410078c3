package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A copy counts as equal only when every folder, link and byte is: each kind of difference is found. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX modes and symlinks on a real disk; Windows copies are not run here (junctions: LinksTest)")
class TreeCompareTest {
    @TempDir
    Path dir;
    Path original;
    Path copy;
    byte[] large;

    @BeforeEach
    void twoEqualTrees() throws IOException {
        original = Files.createDirectories(dir.resolve("original"));
        Random random = new Random(11);
        for (int d = 0; d < 10; d++) {
            Path sub = Files.createDirectories(original.resolve("p" + d));
            for (int f = 0; f < 20; f++) {
                byte[] bytes = new byte[random.nextInt(3000)];
                random.nextBytes(bytes);
                Files.write(sub.resolve("s" + f + ".jsonl"), bytes);
            }
        }
        large = new byte[5 * FileBytes.BUFFER + 123];
        random.nextBytes(large);
        Files.write(original.resolve("large.jsonl"), large);
        Files.write(original.resolve("empty.jsonl"), new byte[0]);
        Files.createDirectories(original.resolve("empty-folder"));
        Files.createSymbolicLink(original.resolve("link"), Path.of("p1/s1.jsonl"));
        copy = dir.resolve("copy");
        TreeCopier.copy(original, copy, Progress.NONE);
    }

    @Test
    void anExactCopyIsTheSame() throws IOException {
        assertNull(TreeCompare.firstDifference(original, copy));
        assertTrue(TreeCompare.same(copy, original));
    }

    @Test
    void oneByteChangedDeepInALargeFileIsFound() throws IOException {
        byte[] changed = large.clone();
        changed[4 * FileBytes.BUFFER + 77] ^= 1; // past the first buffers, size unchanged
        Files.write(copy.resolve("large.jsonl"), changed);
        assertEquals("large.jsonl", TreeCompare.firstDifference(original, copy));
    }

    @Test
    void theLastByteOfALargeFileCounts() throws IOException {
        byte[] changed = large.clone();
        changed[changed.length - 1] ^= (byte) 0x80;
        Files.write(copy.resolve("large.jsonl"), changed);
        assertFalse(TreeCompare.same(original, copy));
    }

    @Test
    void aChangedSmallFileAmongManyIsFound() throws IOException {
        byte[] bytes = Files.readAllBytes(copy.resolve("p7/s13.jsonl"));
        bytes[bytes.length / 2] ^= 1;
        Files.write(copy.resolve("p7/s13.jsonl"), bytes);
        assertEquals("p7/s13.jsonl", TreeCompare.firstDifference(original, copy));
    }

    @Test
    void aShorterOrLongerFileIsFound() throws IOException {
        Files.write(copy.resolve("p2/s3.jsonl"), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        assertEquals("p2/s3.jsonl", TreeCompare.firstDifference(original, copy));
    }

    @Test
    void aMissingOrExtraEntryIsFound() throws IOException {
        Files.delete(copy.resolve("p4/s0.jsonl"));
        assertEquals("p4/s0.jsonl", TreeCompare.firstDifference(original, copy));
        Files.write(copy.resolve("p4/s0.jsonl"), Files.readAllBytes(original.resolve("p4/s0.jsonl")));
        assertNull(TreeCompare.firstDifference(original, copy));
        Files.createDirectories(copy.resolve("p9/extra"));
        assertEquals("p9/extra", TreeCompare.firstDifference(original, copy));
    }

    @Test
    void aLinkIsComparedByItsTextAndNeverFollowed() throws IOException {
        Files.delete(copy.resolve("link"));
        Files.createSymbolicLink(copy.resolve("link"), Path.of("p1/s2.jsonl"));
        assertEquals("link", TreeCompare.firstDifference(original, copy));
        Files.delete(copy.resolve("link"));
        Files.copy(original.resolve("p1/s1.jsonl"), copy.resolve("link")); // the same bytes, but a file
        assertEquals("link", TreeCompare.firstDifference(original, copy));
    }

    @Test
    void singleFilesCompareToo() throws IOException {
        Path a = original.resolve("large.jsonl");
        Path b = copy.resolve("large.jsonl");
        assertTrue(TreeCompare.same(a, b));
        Files.write(b, new byte[0]);
        assertEquals(".", TreeCompare.firstDifference(a, b));
        assertTrue(TreeCompare.same(original.resolve("empty.jsonl"), copy.resolve("empty.jsonl")));
    }
}
