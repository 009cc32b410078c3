package dev.tether.schedule;

import java.util.List;

/**
 * {@code <state-dir>/backup-runs.json}: the last run, the last successful one (kept apart, because a
 * string of failures must not hide when the archive was last brought up to date), and the most recent
 * runs, newest first, at most {@link RunLog#RECENT}.
 */
public record BackupOutcomes(int schema, BackupOutcome last, BackupOutcome lastSuccess, List<BackupOutcome> recent) {
    public BackupOutcomes {
        recent = recent == null ? List.of() : List.copyOf(recent);
    }
}
