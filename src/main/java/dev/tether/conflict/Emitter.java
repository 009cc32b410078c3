package dev.tether.conflict;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes each distinct line once and counts. Per-stamp mode remembers only the current timestamp's
 * lines: as the lines themselves while the group is small (usually one or two lines, compared byte by
 * byte, no hashing), as digests once it grows past {@link #GROUP_LINES} lines or {@link #GROUP_BYTES}
 * bytes, so memory stays bounded.
 */
final class Emitter {
    static final int GROUP_LINES = 64;
    static final long GROUP_BYTES = 1 << 20;

    private final LineSink sink;
    private final boolean perStamp;
    private final DigestSet seen = new DigestSet();
    private final List<byte[]> group = new ArrayList<>();
    private long groupBytes;
    private boolean groupAsDigests;
    private Instant stamp;
    private long written;
    private long duplicates;
    private long invalid;

    Emitter(LineSink sink, boolean perStamp) {
        this.sink = sink;
        this.perStamp = perStamp;
    }

    void emit(byte[] line, LineStamp lineStamp) throws IOException {
        if (perStamp && !lineStamp.stamp().equals(stamp)) {
            newGroup(); // a byte-equal line has an equal timestamp, so it can only be in this group
            stamp = lineStamp.stamp();
        }
        if (firstTime(line)) {
            sink.write(line);
            written++;
            if (!lineStamp.valid()) {
                invalid++;
            }
        } else {
            duplicates++;
        }
    }

    private boolean firstTime(byte[] line) {
        if (!perStamp || groupAsDigests) {
            return seen.add(line);
        }
        for (byte[] earlier : group) {
            if (Arrays.equals(earlier, line)) {
                return false;
            }
        }
        group.add(line);
        groupBytes += line.length;
        if (group.size() > GROUP_LINES || groupBytes > GROUP_BYTES) {
            for (byte[] l : group) {
                seen.add(l);
            }
            group.clear();
            groupAsDigests = true;
        }
        return true;
    }

    private void newGroup() {
        group.clear();
        groupBytes = 0;
        if (groupAsDigests) {
            seen.clear();
            groupAsDigests = false;
        }
    }

    MergeResult result(List<Long> counts, long blanks, boolean byTimestamp, boolean streamed) {
        return new MergeResult(counts, written, duplicates, invalid, blanks, byTimestamp, streamed);
    }
}
