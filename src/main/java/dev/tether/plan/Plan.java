package dev.tether.plan;

import dev.tether.retention.Retention;
import java.nio.file.Path;
import java.util.List;

/**
 * The complete plan of a setup run: one action per item, what happens to Claude Code's retention sweep,
 * and tether's hooks in {@code settings.json}. A value that can be printed, serialised and tested without a disk.
 */
public record Plan(Path syncRoot, Path syncedFolder, List<Action> actions, RetentionAction retention, HooksAction hooks) {
    public Plan {
        actions = List.copyOf(actions);
    }

    /** A plan that leaves settings.json alone (as {@code --no-retain --no-hooks}). */
    public Plan(Path syncRoot, Path syncedFolder, List<Action> actions) {
        this(syncRoot, syncedFolder, actions, new RetentionAction.Skip(
                new Retention(Retention.DEFAULT_DAYS, Retention.Source.DEFAULT, null), null), new HooksAction.Skip("not asked"));
    }

    public List<Action.Refuse> refusals() {
        return actions.stream().filter(a -> a instanceof Action.Refuse).map(a -> (Action.Refuse) a).toList();
    }

    public boolean changesAnything() {
        return actions.stream().anyMatch(Action::changes) || retention.changes() || hooks.changes();
    }

    /** Whether any item changes (the retention line alone changes no item). */
    public boolean changesItems() {
        return actions.stream().anyMatch(Action::changes);
    }

    /** Bytes that must be copied into the synced folder's filesystem (what the free-space check needs). */
    public long copyBytes() {
        return actions.stream().mapToLong(Action::bytesToCopy).sum();
    }
}
