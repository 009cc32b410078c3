package dev.tether.find;

import java.time.Instant;

/** From {@code since} (inclusive) to {@code until} (exclusive); either end may be open (null). */
public record TimeWindow(Instant since, Instant until) {
    public static final TimeWindow ALWAYS = new TimeWindow(null, null);

    public boolean contains(Instant t) {
        return (since == null || !t.isBefore(since)) && (until == null || t.isBefore(until));
    }

    /** A session active from {@code first} to {@code last} was active at some time in the window. */
    public boolean overlaps(Instant first, Instant last) {
        return (since == null || !last.isBefore(since)) && (until == null || first.isBefore(until));
    }
}
