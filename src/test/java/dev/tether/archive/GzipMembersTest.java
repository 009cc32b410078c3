package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Members appended one per backup read back as one stream; each member's compressor is freed once it is written. */
class GzipMembersTest {
    @TempDir
    Path dir;

    private static byte[] readAll(Path gz) throws IOException {
        try (InputStream in = GzipMembers.open(gz)) {
            return in.readAllBytes();
        }
    }

    @Test
    void membersAppendedOneAfterTheOtherReadAsOneStream() throws IOException {
        Path gz = dir.resolve("a/s.jsonl.gz");
        long first = GzipMembers.append(gz, out -> out.write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Files.size(gz), first);
        long second = GzipMembers.append(gz, out -> out.write("{\"b\":2}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Files.size(gz), second);
        assertEquals("{\"a\":1}\n{\"b\":2}\n", new String(readAll(gz), StandardCharsets.UTF_8));
        GzipMembers.truncate(gz, first);
        assertEquals("{\"a\":1}\n", new String(readAll(gz), StandardCharsets.UTF_8));
    }

    @Test
    void manyMembersEachWithItsOwnCompressor() throws IOException {
        Path gz = dir.resolve("many.gz");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int i = 0; i < 500; i++) {
            byte[] line = ("line " + i + "\n").getBytes(StandardCharsets.UTF_8);
            expected.write(line);
            GzipMembers.append(gz, out -> out.write(line));
        }
        assertArrayEquals(expected.toByteArray(), readAll(gz));
    }

    @Test
    void whatTheContentThrowsReachesTheCaller() throws IOException {
        Path gz = dir.resolve("failing.gz");
        GzipMembers.append(gz, out -> out.write('x'));
        long before = Files.size(gz);
        IOException e = assertThrows(IOException.class, () -> GzipMembers.append(gz, out -> {
            out.write(new byte[100_000]);
            throw new IOException("the disk is full");
        }));
        assertEquals("the disk is full", e.getMessage());
        GzipMembers.truncate(gz, before); // what the archiver does with a member it could not finish
        assertEquals("x", new String(readAll(gz), StandardCharsets.UTF_8));
    }

    @Test
    void aReleasedMemberTakesNoMoreBytes() throws IOException {
        GzipMembers.Member m = new GzipMembers.Member(new ByteArrayOutputStream());
        m.write('a');
        m.release();
        assertThrows(RuntimeException.class, () -> m.write(new byte[] {'b'}, 0, 1), "its compressor was ended");
    }
}
