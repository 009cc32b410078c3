package dev.tether.plan;

import java.nio.file.Path;
import java.util.List;

/** The complete plan of a setup run: a value that can be printed, serialised and tested without a disk. */
public record Plan(Path syncRoot, Path syncedFolder, List<Action> actions) {
    public Plan {
        actions = List.copyOf(actions);
    }

    public List<Action.Refuse> refusals() {
        return actions.stream().filter(a -> a instanceof Action.Refuse).map(a -> (Action.Refuse) a).toList();
    }

    public boolean changesAnything() {
        return actions.stream().anyMatch(Action::changes);
    }

    /** Bytes that must be copied into the synced folder's filesystem (what the free-space check needs). */
    public long copyBytes() {
        return actions.stream().mapToLong(Action::bytesToCopy).sum();
    }
}
