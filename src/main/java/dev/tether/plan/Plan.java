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
        long sum = 0;
        for (Action a : actions) {
            if (a instanceof Action.Move m && m.crossDevice()) {
                sum += Math.max(0, m.bytes());
            } else if (a instanceof Action.Merge m) {
                sum += Math.max(0, m.bytes()); // at most: every local file moves in or is kept
            }
        }
        return sum;
    }
}
