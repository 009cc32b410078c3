package dev.tether.conflict;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a file line by line as bytes, so a line that is not valid UTF-8 survives byte for byte. The
 * line end ({@code \n} or {@code \r\n}) is stripped; a last line without one still counts.
 */
final class LineReader implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];

    LineReader(Path file) throws IOException {
        this.in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The next line without its line end, or null at the end of the file. */
    byte[] next() throws IOException {
        int len = 0;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? strip(len) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            len = append(len, start, pos);
            if (pos < limit) {
                pos++; // the '\n'
                return strip(len);
            }
        }
    }

    private int append(int len, int from, int to) {
        int n = to - from;
        if (len + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, len + n));
        }
        System.arraycopy(buf, from, line, len, n);
        return len + n;
    }

    private byte[] strip(int len) {
        return Arrays.copyOf(line, len > 0 && line[len - 1] == '\r' ? len - 1 : len);
    }

    /** True for a line of nothing but spaces and tabs: no content, not a JSON line. */
    static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
