package dev.tether.archive;

import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * This machine's record of its archive, {@code <state-dir>/archive.json}: where the archive is (recorded by
 * the first {@code backup}, so later runs and {@code verify} find it) and how the last backups went.
 *
 * @param archive the archive's folder
 * @param lastSuccess when the last backup that finished without a failure ended (ISO-8601), or null
 * @param lastRun when the last backup ended, however it ended, or null
 * @param lastExitCode that run's exit code
 * @param lastMessage that run's summary or failure, for people
 */
public record ArchiveRecord(int schema, String archive, String lastSuccess, String lastRun, Integer lastExitCode,
        String lastMessage) {
    private static final String FILE = "archive.json";

    /** The record in {@code stateDir}, when there is one that can be read. */
    public static Optional<ArchiveRecord> load(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.COMPACT.readValue(Files.readAllBytes(file), ArchiveRecord.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void save(Path stateDir) throws IOException {
        AtomicFiles.write(stateDir.resolve(FILE), Json.PRETTY.writeValueAsBytes(this));
    }

    /** A first record: the archive's place, no run yet. */
    public static ArchiveRecord at(Path archive) {
        return new ArchiveRecord(1, archive.toString(), null, null, null, null);
    }

    /** The same archive after a run that ended with {@code exitCode} at {@code when}. */
    public ArchiveRecord after(int exitCode, String message, Instant when) {
        String now = when.toString();
        return new ArchiveRecord(1, archive, exitCode == 0 ? now : lastSuccess, now, exitCode, message);
    }

    /** True when the last successful backup ended less than {@code age} before {@code now}. */
    public boolean succeededWithin(Duration age, Instant now) {
        return lastSuccess != null && Instant.parse(lastSuccess).isAfter(now.minus(age));
    }
}
