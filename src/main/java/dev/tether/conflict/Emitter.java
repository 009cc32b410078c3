package dev.tether.conflict;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/** Writes each distinct line once and counts. Per-stamp mode remembers only the current timestamp's lines. */
final class Emitter {
    private final LineSink sink;
    private final boolean perStamp;
    private final DigestSet seen = new DigestSet();
    private Instant group;
    private long written;
    private long duplicates;
    private long invalid;

    Emitter(LineSink sink, boolean perStamp) {
        this.sink = sink;
        this.perStamp = perStamp;
    }

    void emit(byte[] line, LineStamp stamp) throws IOException {
        if (perStamp && !stamp.stamp().equals(group)) {
            seen.clear(); // a byte-equal line has an equal timestamp, so it can only be in this group
            group = stamp.stamp();
        }
        if (seen.add(line)) {
            sink.write(line);
            written++;
            if (!stamp.valid()) {
                invalid++;
            }
        } else {
            duplicates++;
        }
    }

    MergeResult result(List<Long> counts, long blanks, boolean byTimestamp, boolean streamed) {
        return new MergeResult(counts, written, duplicates, invalid, blanks, byTimestamp, streamed);
    }
}
