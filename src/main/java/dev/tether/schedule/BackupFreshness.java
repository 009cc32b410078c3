package dev.tether.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The grading of verify's {@code backup} check (keep.md §5), as a pure function: {@code info} when no
 * backup was ever made; {@code warn} when the last run failed, or the last successful one is older than
 * twice the schedule's period (two days without a schedule); {@code ok} otherwise.
 */
public final class BackupFreshness {
    /** How old the last backup may be when nothing is scheduled. */
    static final Duration UNSCHEDULED_LIMIT = Duration.ofDays(2);

    private BackupFreshness() {
    }

    /** How the backups stand, in verify's words; verify's {@code backup} check turns it into a finding. */
    public enum Status { OK, INFO, WARN }

    /** A status, and the sentence that explains it; {@code lastFailed} tells a failed run from an old success. */
    public record Grade(Status status, String message, boolean lastFailed) {
        Grade(Status status, String message) {
            this(status, message, false);
        }
    }

    /**
     * @param runs the record of runs, empty when none was ever recorded
     * @param cadence the installed schedule's cadence, empty without one
     */
    public static Grade grade(Optional<BackupOutcomes> runs, Optional<Cadence> cadence, Instant now) {
        BackupOutcome last = runs.map(BackupOutcomes::last).orElse(null);
        BackupOutcome success = runs.map(BackupOutcomes::lastSuccess).orElse(null);
        if (last == null && success == null) {
            return new Grade(Status.INFO, "no backup was ever made");
        }
        if (last != null && !last.succeeded()) {
            return new Grade(Status.WARN, "the last backup, " + ago(last.finishedAt(), now) + ", failed (exit "
                    + last.exitCode() + ")" + (last.summary() == null || last.summary().isBlank() ? "" : ": " + last.summary()),
                    true);
        }
        if (success == null) {
            return new Grade(Status.INFO, "no backup was ever made");
        }
        Duration limit = cadence.map(c -> c.period().multipliedBy(2)).orElse(UNSCHEDULED_LIMIT);
        String rule = cadence.map(c -> "twice the " + c.id() + " schedule's period").orElse("2 days, and no backup is scheduled");
        if (Duration.between(success.finishedAt(), now).compareTo(limit) > 0) {
            return new Grade(Status.WARN, "the last successful backup was " + ago(success.finishedAt(), now)
                    + ", longer ago than " + rule);
        }
        return new Grade(Status.OK, "the last backup succeeded " + ago(success.finishedAt(), now));
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
