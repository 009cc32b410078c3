package dev.tether.conflict;

import java.util.List;

/**
 * What a {@link JsonlMerge} did. Blank lines are not counted as lines: they hold nothing and are dropped.
 * Always {@code linesIn() == linesOut + duplicatesDropped}.
 *
 * @param linesPerInput the non-blank lines read from each input, in the order the inputs were given
 * @param linesOut the lines written: each distinct line once
 * @param duplicatesDropped lines left out because a byte-equal line was already written
 * @param invalidKept written lines that are not valid JSON (kept verbatim)
 * @param blankLinesDropped empty or whitespace-only lines left out
 * @param orderedByTimestamp true when the output is in {@code timestamp} order (every line had one);
 *     false when it is the first input's order followed by the new lines of the others, in input order
 * @param streamed true when the inputs were merged as streams (each was already in timestamp order);
 *     false when they had to be read into memory or deduplicated against every line seen
 */
public record MergeResult(List<Long> linesPerInput, long linesOut, long duplicatesDropped, long invalidKept,
        long blankLinesDropped, boolean orderedByTimestamp, boolean streamed) {

    public MergeResult {
        linesPerInput = List.copyOf(linesPerInput);
    }

    /** Every non-blank line read, all inputs together. */
    public long linesIn() {
        return linesPerInput.stream().mapToLong(Long::longValue).sum();
    }
}
