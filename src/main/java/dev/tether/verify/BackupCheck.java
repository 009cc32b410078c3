package dev.tether.verify;

import dev.tether.archive.ArchiveLayout;
import dev.tether.archive.ArchiveRecord;
import dev.tether.archive.Backup;
import dev.tether.state.MachineId;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code backup}: the archive keeps what Claude Code's retention sweep deletes, so it must be recent. Info
 * when no backup was ever made; a warning when the last run failed, or when the last successful one is older
 * than two days and live transcripts hold lines the archive lacks; ok otherwise. Compares metadata only.
 */
final class BackupCheck implements Check {
    static final Duration PERIOD = Duration.ofDays(2);

    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        Optional<ArchiveRecord> record = ArchiveRecord.load(v.ctx().locations().stateDir());
        if (record.isEmpty() || record.get().lastRun() == null) {
            return List.of(Finding.info("backup", null, null, "no backup was ever made on this machine; the archive keeps"
                    + " what Claude Code's retention deletes", "tether backup"));
        }
        ArchiveRecord r = record.get();
        if (r.lastExitCode() != null && r.lastExitCode() != 0) {
            return List.of(Finding.warn("backup", null, r.archive(), "the last backup, at " + r.lastRun() + ", failed: "
                    + r.lastMessage(), "tether backup"));
        }
        if (r.succeededWithin(PERIOD, Instant.now())) {
            return List.of(Finding.ok("backup", null, r.archive(), "last backup at " + r.lastSuccess()));
        }
        ArchiveLayout layout = new ArchiveLayout(v.ctx().fs().getPath(r.archive()));
        String machine = MachineId.peek(v.ctx().locations().stateDir());
        long behind = Files.isDirectory(layout.root()) && machine != null
                ? Backup.unarchivedTranscripts(layout, Backup.items(linked(v), v.claudeDir()), v.claudeDir(), machine) : -1;
        if (behind == 0) {
            return List.of(Finding.ok("backup", null, r.archive(), "last backup at " + r.lastSuccess()
                    + "; nothing new in the transcripts since"));
        }
        return List.of(Finding.warn("backup", null, r.archive(), "the last backup was at " + r.lastSuccess() + ", over two days"
                + " ago, and " + (behind < 0 ? "the archive cannot be read" : behind + " transcript(s) have lines it lacks"),
                "tether backup"));
    }

    private static List<String> linked(VerifyContext v) {
        return v.state().map(s -> s.items().stream().map(State.LinkedItem::name).toList()).orElse(List.of());
    }
}
