package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** verify's {@code backup} grading (keep.md §5) as a pure function of the runs, the schedule and the time. */
class BackupFreshnessTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    private static BackupOutcome run(Duration ago, int exit) {
        Instant end = NOW.minus(ago);
        return new BackupOutcome(end.minusSeconds(5).toString(), end.toString(), exit, exit == 0 ? "3 files added" : "disk full");
    }

    private static Optional<BackupOutcomes> runs(BackupOutcome last, BackupOutcome lastSuccess) {
        return Optional.of(new BackupOutcomes(1, last, lastSuccess, List.of(last)));
    }

    private static BackupFreshness.Grade grade(Optional<BackupOutcomes> runs, Cadence cadence) {
        return BackupFreshness.grade(runs, Optional.ofNullable(cadence), NOW);
    }

    @Test
    void neverABackupIsInfo() {
        assertEquals(BackupFreshness.Status.INFO, grade(Optional.empty(), Cadence.DAILY).status());
        assertEquals("no backup was ever made", grade(Optional.empty(), null).message());
    }

    @Test
    void aRecentSuccessIsOk() {
        BackupOutcome r = run(Duration.ofHours(20), 0);
        BackupFreshness.Grade g = grade(runs(r, r), Cadence.DAILY);
        assertEquals(BackupFreshness.Status.OK, g.status());
        assertEquals("the last backup succeeded 20 hours ago", g.message());
    }

    @Test
    void aDailyScheduleWarnsPastTwoDays() {
        BackupOutcome r = run(Duration.ofHours(49), 0);
        assertEquals(BackupFreshness.Status.WARN, grade(runs(r, r), Cadence.DAILY).status());
        BackupOutcome fresh = run(Duration.ofHours(47), 0);
        assertEquals(BackupFreshness.Status.OK, grade(runs(fresh, fresh), Cadence.DAILY).status());
    }

    @Test
    void anHourlyScheduleWarnsPastTwoHours() {
        BackupOutcome r = run(Duration.ofMinutes(121), 0);
        BackupFreshness.Grade g = grade(runs(r, r), Cadence.HOURLY);
        assertEquals(BackupFreshness.Status.WARN, g.status());
        assertTrue(g.message().contains("twice the hourly schedule's period"), g.message());
    }

    @Test
    void withoutAScheduleTwoDaysIsTheLimit() {
        BackupOutcome r = run(Duration.ofDays(3), 0);
        BackupFreshness.Grade g = grade(runs(r, r), null);
        assertEquals(BackupFreshness.Status.WARN, g.status());
        assertEquals("the last successful backup was 3 days ago, longer ago than 2 days, and no backup is scheduled", g.message());
    }

    @Test
    void aFailedLastRunWarnsEvenAfterARecentSuccess() {
        BackupFreshness.Grade g = grade(runs(run(Duration.ofMinutes(10), 4), run(Duration.ofHours(1), 0)), Cadence.DAILY);
        assertEquals(BackupFreshness.Status.WARN, g.status());
        assertEquals("the last backup, 10 minutes ago, failed (exit 4): disk full", g.message());
    }

    @Test
    void onlyFailuresAreAWarningNotInfo() {
        BackupOutcome failed = run(Duration.ofMinutes(10), 3);
        assertEquals(BackupFreshness.Status.WARN, grade(runs(failed, null), null).status());
    }
}
