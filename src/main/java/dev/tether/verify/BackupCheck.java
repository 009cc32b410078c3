package dev.tether.verify;

import dev.tether.schedule.BackupFreshness;
import dev.tether.schedule.BackupOutcomes;
import dev.tether.schedule.Cadence;
import dev.tether.schedule.InstalledSchedule;
import dev.tether.schedule.RunLog;
import dev.tether.schedule.ScheduleStore;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code backup}: whether the archive is kept current, from the outcomes {@code tether backup} records in
 * the state dir and the schedule {@code tether schedule} recorded: {@code info} when no backup was ever
 * made, {@code warn} when the last run failed or the last success is older than twice the schedule's
 * period (two days without one), {@code ok} otherwise (graded by {@link BackupFreshness}).
 */
final class BackupCheck implements Check {
    static final String ID = "backup";

    @Override
    public List<Finding> run(VerifyContext v) {
        RunLog log = new RunLog(v.ctx().locations().stateDir());
        String path = log.file().toString();
        Optional<BackupOutcomes> runs;
        try {
            runs = log.read();
        } catch (IOException e) {
            return List.of(Finding.warn(ID, null, path, "the record of backups cannot be read (" + e.getMessage() + ")",
                    "tether backup (it writes a new record)"));
        }
        Optional<Cadence> cadence;
        try {
            cadence = new ScheduleStore(v.ctx().locations().stateDir()).read().map(InstalledSchedule::schedule)
                    .map(s -> s.cadence());
        } catch (IOException | RuntimeException e) {
            cadence = Optional.empty(); // an unreadable schedule record grades as no schedule: the stricter limit
        }
        BackupFreshness.Grade g = BackupFreshness.grade(runs, cadence, Instant.now());
        return List.of(switch (g.status()) {
            case OK -> Finding.ok(ID, null, path, g.message());
            case INFO -> Finding.info(ID, null, path, g.message(), "tether backup, and tether schedule daily to keep it current");
            case WARN -> Finding.warn(ID, null, path, g.message(), g.lastFailed() ? "tether backup -v shows what fails"
                    : cadence.isPresent() ? "tether backup; tether schedule status shows whether the job still runs"
                    : "tether backup, and tether schedule daily to keep it current");
        });
    }
}
