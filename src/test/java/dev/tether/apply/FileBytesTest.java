package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file copied by the kernel and compared with its copy, at the edges of sizes and buffers. */
class FileBytesTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @Test
    void copiesEveryByteOfFilesAroundTheBufferAndChunkSizes() throws IOException {
        for (int n : new int[] {0, 1, FileBytes.BUFFER - 1, FileBytes.BUFFER, FileBytes.BUFFER + 1, (int) FileBytes.COPY_CHUNK + 3}) {
            byte[] bytes = random(n);
            Path from = file("f" + n, bytes);
            AtomicLong told = new AtomicLong();
            assertEquals(n, FileBytes.copy(from, dir.resolve("c" + n), n, told::addAndGet));
            assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("c" + n)), "size " + n);
            assertEquals(n, told.get());
            assertTrue(FileBytes.same(from, dir.resolve("c" + n), n), "size " + n);
        }
    }

    @Test
    void neverWritesOverAnExistingFile() throws IOException {
        Path from = file("a", random(10));
        Path there = file("b", random(5));
        assertThrows(FileAlreadyExistsException.class, () -> FileBytes.copy(from, there, 10, n -> { }));
        assertEquals(5, Files.size(there));
    }

    @Test
    void aFileThatGrewSinceItWasWalkedIsCopiedToItsWalkedSizeAndThenDiffers() throws IOException {
        byte[] bytes = random(1000);
        Path from = file("grew", bytes);
        FileBytes.copy(from, dir.resolve("copy"), 600, n -> { });
        assertArrayEquals(Arrays.copyOf(bytes, 600), Files.readAllBytes(dir.resolve("copy")));
        assertFalse(FileBytes.same(from, dir.resolve("copy"), 600));
    }

    @Test
    void twoFilesThatBothGrewPastTheirWalkedSizeDiffer() throws IOException {
        byte[] bytes = random(3 * FileBytes.BUFFER);
        Path a = file("a", bytes);
        Path b = file("b", bytes);
        assertTrue(FileBytes.same(a, b, bytes.length));
        assertFalse(FileBytes.same(a, b, FileBytes.BUFFER), "equal bytes, but not the size that was walked");
    }

    @Test
    void oneDifferentByteAnywhereDiffers() throws IOException {
        byte[] bytes = random(2 * FileBytes.BUFFER + 5);
        Path a = file("a", bytes);
        for (int at : new int[] {0, FileBytes.BUFFER - 1, FileBytes.BUFFER, bytes.length - 1}) {
            byte[] other = bytes.clone();
            other[at] ^= 0x40;
            assertFalse(FileBytes.same(a, file("b" + at, other), bytes.length), "byte " + at);
        }
    }
}
