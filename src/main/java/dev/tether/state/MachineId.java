package dev.tether.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A random id for this machine, made once and kept in {@code <state-dir>/machine-id}. */
public final class MachineId {
    private MachineId() {
    }

    public static String loadOrCreate(Path stateDir) throws IOException {
        Path file = stateDir.resolve("machine-id");
        if (Files.exists(file)) {
            String id = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (id.matches("[0-9a-f-]{8,64}")) {
                return id;
            }
        }
        String id = UUID.randomUUID().toString();
        AtomicFiles.write(file, (id + "\n").getBytes(StandardCharsets.UTF_8));
        return id;
    }

    /** The id without creating one, for read-only commands. */
    public static String peek(Path stateDir) {
        try {
            Path file = stateDir.resolve("machine-id");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
