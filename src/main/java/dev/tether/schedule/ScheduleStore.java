package dev.tether.schedule;

import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and atomically writes {@code <state-dir>/schedule.json}, the record of what {@code tether schedule} installed. */
public final class ScheduleStore {
    public static final String FILE = "schedule.json";
    private final Path file;

    public ScheduleStore(Path stateDir) {
        this.file = stateDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public Optional<InstalledSchedule> read() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(Json.COMPACT.readValue(Files.readAllBytes(file), InstalledSchedule.class));
    }

    public void write(InstalledSchedule installed) throws IOException {
        AtomicFiles.write(file, Json.PRETTY.writeValueAsBytes(installed));
    }

    public void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
