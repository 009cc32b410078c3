package dev.tether.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** A one-member gzip file's trailer (CRC-32 and size of what it holds), to tell kept versions apart without reading them. */
final class GzipTrailer {
    private GzipTrailer() {
    }

    /** Whether {@code gz}'s trailer says it holds {@code size} bytes with CRC-32 {@code crc}. */
    static boolean matches(Path gz, long crc, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(gz, StandardOpenOption.READ)) {
            if (ch.size() < 18) {
                return false;
            }
            ByteBuffer trailer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (trailer.hasRemaining()) {
                if (ch.read(trailer, ch.size() - 8 + trailer.position()) < 0) {
                    return false;
                }
            }
            trailer.flip();
            return (trailer.getInt() & 0xffffffffL) == crc && (trailer.getInt() & 0xffffffffL) == (size & 0xffffffffL);
        }
    }

    /** Whether two gzip files decompress to the same bytes. */
    static boolean sameContent(Path a, Path b) throws IOException {
        try (InputStream x = GzipMembers.open(a); InputStream y = GzipMembers.open(b)) {
            byte[] bx = new byte[1 << 16];
            byte[] by = new byte[1 << 16];
            while (true) {
                int nx = x.readNBytes(bx, 0, bx.length);
                int ny = y.readNBytes(by, 0, by.length);
                if (nx != ny || !Arrays.equals(bx, 0, nx, by, 0, ny)) {
                    return false;
                }
                if (nx == 0) {
                    return true;
                }
            }
        }
    }
}
