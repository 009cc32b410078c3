package dev.tether.archive;

/**
 * Cuts a stream of bytes into lines as it passes, for whoever looks at each line (the index's facts, the
 * line comparison). A line cut by a buffer's end is carried over to the next; {@link #finish} gives the
 * last line when the stream does not end with a line end. Lines are handed over without their line end
 * ({@code \n} or {@code \r\n}), which is counted separately.
 */
final class LineSplitter {
    /** Receives one line: {@code length} bytes of {@code buffer} from 0, and how many line-end bytes followed it. */
    interface Sink {
        void line(byte[] buffer, int length, int lineEnd) throws java.io.IOException;
    }

    private final Sink sink;
    private byte[] line = new byte[8192];
    private int length;

    LineSplitter(Sink sink) {
        this.sink = sink;
    }

    void accept(byte[] buffer, int offset, int count) throws java.io.IOException {
        int start = offset;
        int end = offset + count;
        for (int i = offset; i < end; i++) {
            if (buffer[i] == '\n') {
                append(buffer, start, i - start);
                int lineEnd = 1;
                if (length > 0 && line[length - 1] == '\r') {
                    length--;
                    lineEnd = 2;
                }
                sink.line(line, length, lineEnd);
                length = 0;
                start = i + 1;
            }
        }
        append(buffer, start, end - start);
    }

    /** Hands over a last line that had no line end. */
    void finish() throws java.io.IOException {
        if (length > 0) {
            sink.line(line, length, 0);
            length = 0;
        }
    }

    private void append(byte[] buffer, int from, int count) {
        if (count == 0) {
            return;
        }
        if (length + count > line.length) {
            line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + count));
        }
        System.arraycopy(buffer, from, line, length, count);
        length += count;
    }
}
