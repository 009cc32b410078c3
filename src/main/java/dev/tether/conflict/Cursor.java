package dev.tether.conflict;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;

/** One input of the streamed merge: its current line and timestamp, checked to be in order. */
final class Cursor implements Closeable {
    /** What {@link #advance()} found. */
    enum Step {
        LINE, END, UNSTAMPED, OUT_OF_ORDER
    }

    private final int index;
    private final ScannedLines lines;
    private byte[] line;
    private LineStamp stamp;
    private Instant last;
    private long count;
    private long blanks;

    Cursor(int index, ScannedLines lines) {
        this.index = index;
        this.lines = lines;
    }

    Step advance() throws IOException {
        for (ScannedLines.Line l; (l = lines.next()) != null; ) {
            if (l.blank()) {
                blanks++;
                continue;
            }
            count++;
            line = l.bytes();
            stamp = l.stamp();
            if (!stamp.stamped()) {
                return Step.UNSTAMPED;
            }
            if (last != null && stamp.stamp().isBefore(last)) {
                return Step.OUT_OF_ORDER;
            }
            last = stamp.stamp();
            return Step.LINE;
        }
        line = null;
        return Step.END;
    }

    int index() {
        return index;
    }

    byte[] line() {
        return line;
    }

    LineStamp lineStamp() {
        return stamp;
    }

    Instant stamp() {
        return stamp.stamp();
    }

    long count() {
        return count;
    }

    long blanks() {
        return blanks;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
