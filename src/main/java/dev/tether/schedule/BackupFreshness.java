package dev.tether.schedule;

import dev.tether.archive.ArchiveRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The grading of verify's {@code backup} check (keep.md §5), as a pure function of what {@code tether backup}
 * recorded ({@link ArchiveRecord}), the installed schedule and the time: {@code info} when no backup was ever
 * made; a warning when the last run failed, or when the last successful one is older than twice the
 * schedule's period (two days without a schedule); {@code ok} otherwise. The check may still call an old
 * backup fine when nothing new happened since; that needs the disk, this does not.
 */
public final class BackupFreshness {
    /** How old the last backup may be when nothing is scheduled. */
    static final Duration UNSCHEDULED_LIMIT = Duration.ofDays(2);

    private BackupFreshness() {
    }

    /** How the backups stand. */
    public enum Status {
        /** No backup was ever made here. */
        NEVER,
        /** The last run failed. */
        FAILED,
        /** The last successful run is older than the limit. */
        OLD,
        /** The last successful run is recent enough. */
        RECENT
    }

    /** A status, and the sentence that explains it. */
    public record Grade(Status status, String message) {
    }

    /** Twice the schedule's period, or {@link #UNSCHEDULED_LIMIT} without a schedule. */
    public static Duration limit(Optional<Cadence> cadence) {
        return cadence.map(c -> c.period().multipliedBy(2)).orElse(UNSCHEDULED_LIMIT);
    }

    /**
     * @param record what backup recorded, empty when it never ran here
     * @param cadence the installed schedule's cadence, empty without one
     */
    public static Grade grade(Optional<ArchiveRecord> record, Optional<Cadence> cadence, Instant now) {
        ArchiveRecord r = record.orElse(null);
        if (r == null || r.lastRun() == null) {
            return new Grade(Status.NEVER, "no backup was ever made on this machine");
        }
        if (r.lastExitCode() != null && r.lastExitCode() != 0) {
            return new Grade(Status.FAILED, "the last backup, " + ago(Instant.parse(r.lastRun()), now) + " (" + r.lastRun()
                    + "), failed: " + r.lastMessage());
        }
        if (r.lastSuccess() == null) {
            return new Grade(Status.NEVER, "no backup was ever made on this machine");
        }
        Instant success = Instant.parse(r.lastSuccess());
        if (r.succeededWithin(limit(cadence), now)) {
            return new Grade(Status.RECENT, "last backup " + ago(success, now) + " (" + r.lastSuccess() + ")");
        }
        String rule = cadence.map(c -> "twice the " + c.id() + " schedule's period").orElse("2 days, and no backup is scheduled");
        return new Grade(Status.OLD, "the last successful backup was " + ago(success, now) + " (" + r.lastSuccess()
                + "), longer ago than " + rule);
    }

    /** "3 days ago", "5 hours ago", "12 minutes ago", "just now". */
    static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.isNegative() || d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toDays() < 2) {
            return plural(d.toHours(), "hour") + " ago";
        }
        return plural(d.toDays(), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
