package dev.tether.state;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads and atomically writes {@code <state-dir>/state.json}. */
public final class StateStore {
    private final Path file;

    public StateStore(Path stateDir) {
        this.file = stateDir.resolve("state.json");
    }

    public Path file() {
        return file;
    }

    /** The recorded state, or empty when this machine was never set up. */
    public Optional<State> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.COMPACT.readValue(Files.readAllBytes(file), State.class));
        } catch (IOException e) {
            throw new Failure.BadInput("the state file " + file + " cannot be read: " + e.getMessage()
                    + ". Nothing was changed.", "move it aside and run tether setup --sync-root DIR again");
        }
    }

    public void save(State state) throws IOException {
        AtomicFiles.write(file, Json.PRETTY.writeValueAsBytes(state));
    }
}
