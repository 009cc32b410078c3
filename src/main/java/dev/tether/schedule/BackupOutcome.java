package dev.tether.schedule;

import java.time.Instant;

/**
 * The outcome of one {@code tether backup}, scheduled or by hand: when it started and ended (ISO-8601
 * instants), its exit code, and a one-line summary ("12 files, 3.1 MB added" or what failed).
 */
public record BackupOutcome(String started, String finished, int exitCode, String summary) {
    public boolean succeeded() {
        return exitCode == 0;
    }

    public Instant finishedAt() {
        return Instant.parse(finished);
    }
}
