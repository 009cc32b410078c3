package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.archive.ArchiveRecord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** verify's {@code backup} grading (keep.md §5) as a pure function of backup's record, the schedule and the time. */
class BackupFreshnessTest {
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final ArchiveRecord FRESH = ArchiveRecord.at(Path.of("/archive"));

    private static Optional<ArchiveRecord> succeeded(Duration ago) {
        return Optional.of(FRESH.after(0, "3 file(s) added", NOW.minus(ago)));
    }

    private static BackupFreshness.Grade grade(Optional<ArchiveRecord> r, Cadence cadence) {
        return BackupFreshness.grade(r, Optional.ofNullable(cadence), NOW);
    }

    @Test
    void neverABackupIsNever() {
        assertEquals(BackupFreshness.Status.NEVER, grade(Optional.empty(), Cadence.DAILY).status());
        assertEquals(BackupFreshness.Status.NEVER, grade(Optional.of(FRESH), null).status()); // the archive chosen, no run yet
    }

    @Test
    void aRecentSuccessIsRecent() {
        BackupFreshness.Grade g = grade(succeeded(Duration.ofHours(20)), Cadence.DAILY);
        assertEquals(BackupFreshness.Status.RECENT, g.status());
        assertEquals("last backup 20 hours ago (2026-03-09T16:00:00Z)", g.message());
    }

    @Test
    void aDailyScheduleAllowsTwoDays() {
        assertEquals(BackupFreshness.Status.OLD, grade(succeeded(Duration.ofHours(49)), Cadence.DAILY).status());
        assertEquals(BackupFreshness.Status.RECENT, grade(succeeded(Duration.ofHours(47)), Cadence.DAILY).status());
    }

    @Test
    void anHourlyScheduleAllowsTwoHours() {
        BackupFreshness.Grade g = grade(succeeded(Duration.ofMinutes(121)), Cadence.HOURLY);
        assertEquals(BackupFreshness.Status.OLD, g.status());
        assertEquals("the last successful backup was 2 hours ago (2026-03-10T09:59:00Z), longer ago than twice the hourly"
                + " schedule's period", g.message());
        assertEquals(BackupFreshness.Status.RECENT, grade(succeeded(Duration.ofMinutes(119)), Cadence.HOURLY).status());
    }

    @Test
    void withoutAScheduleTwoDaysIsTheLimit() {
        BackupFreshness.Grade g = grade(succeeded(Duration.ofDays(3)), null);
        assertEquals(BackupFreshness.Status.OLD, g.status());
        assertEquals("the last successful backup was 3 days ago (2026-03-07T12:00:00Z), longer ago than 2 days, and no"
                + " backup is scheduled", g.message());
    }

    @Test
    void aFailedLastRunIsFailedEvenAfterARecentSuccess() {
        ArchiveRecord r = succeeded(Duration.ofHours(1)).get().after(4, "No space left on device", NOW.minus(Duration.ofMinutes(10)));
        BackupFreshness.Grade g = grade(Optional.of(r), Cadence.DAILY);
        assertEquals(BackupFreshness.Status.FAILED, g.status());
        assertEquals("the last backup, 10 minutes ago (2026-03-10T11:50:00Z), failed: No space left on device", g.message());
    }

    @Test
    void theLimitIsTwiceThePeriodOrTwoDays() {
        assertEquals(Duration.ofDays(2), BackupFreshness.limit(Optional.of(Cadence.DAILY)));
        assertEquals(Duration.ofHours(2), BackupFreshness.limit(Optional.of(Cadence.HOURLY)));
        assertEquals(Duration.ofDays(2), BackupFreshness.limit(Optional.empty()));
    }
}
