package dev.tether.find;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Optional;

/**
 * What a listing shows of one session, made in one pass over its transcript by
 * {@link SummaryAccumulator}: ids, where it ran (the transcript's {@code cwd}), when (the earliest and
 * latest timestamp of its lines, ISO-8601 UTC, null when no line has one), how much (user and
 * assistant lines, all lines, bytes of the transcript) and the first thing the user asked. A plain
 * value for Jackson, so an index of sessions can store it as it is.
 */
@JsonPropertyOrder({"id", "projectKey", "projectPath", "firstTimestamp", "lastTimestamp", "messages", "lines", "bytes",
        "firstPrompt"})
public record SessionSummary(String id, String projectKey, String projectPath, String firstTimestamp, String lastTimestamp,
        long messages, long lines, long bytes, String firstPrompt) {

    public Optional<Instant> first() {
        return Optional.ofNullable(Timestamps.parse(firstTimestamp));
    }

    public Optional<Instant> last() {
        return Optional.ofNullable(Timestamps.parse(lastTimestamp));
    }

    /**
     * One session known from two copies (the archive's and the live file): the wider time span, the larger
     * counts (the two hold mostly the same lines, so the sum would count them twice), the earlier copy's
     * first prompt. Approximate only where the copies hold different lines; {@code show} reads the union.
     */
    public SessionSummary merge(SessionSummary other) {
        boolean thisFirst = compare(first(), other.first()) <= 0;
        SessionSummary early = thisFirst ? this : other;
        SessionSummary late = compare(last(), other.last()) >= 0 ? this : other;
        return new SessionSummary(id, projectKey != null ? projectKey : other.projectKey,
                early.projectPath != null ? early.projectPath : (thisFirst ? other : this).projectPath,
                early.firstTimestamp != null ? early.firstTimestamp : (thisFirst ? other : this).firstTimestamp,
                late.lastTimestamp != null ? late.lastTimestamp : (late == this ? other : this).lastTimestamp,
                Math.max(messages, other.messages), Math.max(lines, other.lines), Math.max(bytes, other.bytes),
                early.firstPrompt != null ? early.firstPrompt : (thisFirst ? other : this).firstPrompt);
    }

    /** Missing sorts after present, so a copy without timestamps never wins as the earlier one. */
    private static int compare(Optional<Instant> a, Optional<Instant> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isPresent() ? -1 : b.isPresent() ? 1 : 0;
        }
        return a.get().compareTo(b.get());
    }
}
