package dev.tether.schedule;

import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record of backup runs, {@code <state-dir>/backup-runs.json}, rewritten atomically after each run, so
 * a reader sees the previous record or the new one, never half. {@code tether backup} records its outcome
 * here when it ends (scheduled or by hand; it runs under the archive's lock, so one writer at a time);
 * {@code schedule status} and verify's {@code backup} check read it. A run killed before it could record
 * anything leaves the record as it was, and its age then shows in the {@code backup} check.
 */
public final class RunLog {
    public static final String FILE = "backup-runs.json";
    /** Runs kept in {@link BackupOutcomes#recent}. */
    public static final int RECENT = 20;
    private final Path file;

    public RunLog(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The record, or empty when no backup has recorded a run here. */
    public Optional<BackupOutcomes> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.COMPACT.readValue(Files.readAllBytes(file), BackupOutcomes.class));
    }

    /** Adds {@code run} as the latest. An unreadable earlier record is replaced rather than blocking every later backup. */
    public BackupOutcomes record(BackupOutcome run) throws IOException {
        BackupOutcomes before;
        try {
            before = read().orElse(null);
        } catch (IOException e) {
            before = null;
        }
        List<BackupOutcome> recent = new ArrayList<>();
        recent.add(run);
        if (before != null) {
            recent.addAll(before.recent().subList(0, Math.min(before.recent().size(), RECENT - 1)));
        }
        BackupOutcome lastSuccess = run.succeeded() ? run : before == null ? null : before.lastSuccess();
        BackupOutcomes after = new BackupOutcomes(1, run, lastSuccess, recent);
        AtomicFiles.write(file, Json.PRETTY.writeValueAsBytes(after));
        return after;
    }
}
