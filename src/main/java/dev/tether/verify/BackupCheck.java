package dev.tether.verify;

import dev.tether.archive.ArchiveLayout;
import dev.tether.archive.ArchiveRecord;
import dev.tether.archive.Backup;
import dev.tether.schedule.BackupFreshness;
import dev.tether.schedule.Cadence;
import dev.tether.schedule.InstalledSchedule;
import dev.tether.schedule.ScheduleStore;
import dev.tether.state.MachineId;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code backup}: the archive keeps what Claude Code's retention sweep deletes, so it must be recent. Graded by
 * {@link BackupFreshness} from what backup recorded and the recorded schedule: info when no backup was ever
 * made; a warning when the last run failed, or when the last successful one is older than twice the
 * schedule's period (two days without a schedule) and live transcripts hold lines the archive lacks; ok
 * otherwise. Compares metadata only.
 */
final class BackupCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        Optional<ArchiveRecord> record = ArchiveRecord.load(v.ctx().locations().stateDir());
        BackupFreshness.Grade g = BackupFreshness.grade(record, cadence(v), Instant.now());
        return List.of(switch (g.status()) {
            case NEVER -> Finding.info("backup", null, null, g.message() + "; the archive keeps what Claude Code's retention"
                    + " deletes", "tether backup, and tether schedule daily to keep it current");
            case FAILED -> Finding.warn("backup", null, record.get().archive(), g.message(), "tether backup");
            case RECENT -> Finding.ok("backup", null, record.get().archive(), g.message());
            case OLD -> old(v, record.get(), g);
        });
    }

    /** An old backup is still fine when nothing new happened since: no live transcript has lines the archive lacks. */
    private static Finding old(VerifyContext v, ArchiveRecord r, BackupFreshness.Grade g) throws IOException {
        ArchiveLayout layout = new ArchiveLayout(v.ctx().fs().getPath(r.archive()));
        String machine = MachineId.peek(v.ctx().locations().stateDir());
        long behind = Files.isDirectory(layout.root()) && machine != null
                ? Backup.unarchivedTranscripts(layout, Backup.items(linked(v), v.claudeDir()), v.claudeDir(), machine) : -1;
        if (behind == 0) {
            return Finding.ok("backup", null, r.archive(), "last backup at " + r.lastSuccess() + "; nothing new in the transcripts since");
        }
        return Finding.warn("backup", null, r.archive(), g.message() + ", and " + (behind < 0 ? "the archive cannot be read"
                : behind + " transcript(s) have lines it lacks"), "tether backup, or tether schedule daily to keep it current");
    }

    /** The cadence of the schedule tether recorded; an unreadable record counts as none (the stricter limit). */
    private static Optional<Cadence> cadence(VerifyContext v) {
        try {
            return new ScheduleStore(v.ctx().locations().stateDir()).read().map(InstalledSchedule::schedule).map(s -> s.cadence());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> linked(VerifyContext v) {
        return v.state().map(s -> s.items().stream().map(State.LinkedItem::name).toList()).orElse(List.of());
    }
}
