package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading live files chunk by chunk with a buffer each thread reuses: every file's bytes, never another's. */
class LiveReadsTest {
    @TempDir
    Path dir;

    private Path file(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] read(Path file, long from) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            LiveReads.eachChunk(ch, from, (buf, n) -> out.write(buf, 0, n));
        }
        return out.toByteArray();
    }

    @Test
    void fileAfterFileEachReadsItsOwnBytes() throws IOException {
        Path big = file("big", 200_000, 1);
        Path small = file("small", 10, 2);
        assertArrayEquals(Files.readAllBytes(big), read(big, 0));
        assertArrayEquals(Files.readAllBytes(small), read(small, 0));
        byte[] all = Files.readAllBytes(big);
        assertArrayEquals(java.util.Arrays.copyOfRange(all, 150_000, all.length), read(big, 150_000));
    }

    @Test
    void aChunkThatReadsAnotherFileDoesNotOverwriteTheOuterBuffer() throws IOException {
        Path outer = file("outer", 150_000, 3);
        Path inner = file("inner", 70_000, 4);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (FileChannel ch = FileChannel.open(outer, StandardOpenOption.READ)) {
            LiveReads.eachChunk(ch, 0, (buf, n) -> {
                byte[] before = java.util.Arrays.copyOf(buf, n);
                assertArrayEquals(Files.readAllBytes(inner), read(inner, 0));
                assertArrayEquals(before, java.util.Arrays.copyOf(buf, n), "the outer chunk was overwritten");
                got.write(buf, 0, n);
            });
        }
        assertArrayEquals(Files.readAllBytes(outer), got.toByteArray());
    }
}
