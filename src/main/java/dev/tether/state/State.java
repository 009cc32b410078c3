package dev.tether.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This machine's record of what tether set up: the sync root, the synced folder and every item it
 * linked with the exact target it linked to, and the retention value it wrote. {@code unlink} touches
 * only what is recorded here.
 *
 * @param chosen the items setup was last asked to handle, linked or not (verify reports the unlinked ones)
 * @param retention the {@code cleanupPeriodDays} tether added to {@code settings.json}, or null when it added none
 * @param hooks tether's hooks in {@code settings.json}, or null when it added none
 */
public record State(int schema, String syncRoot, String folder, String syncedFolder, String claudeDir,
        List<LinkedItem> items, List<String> chosen, String updated, RetentionMark retention, HooksMark hooks) {

    public State {
        items = items == null ? List.of() : List.copyOf(items);
        chosen = chosen == null ? List.of() : List.copyOf(chosen);
    }

    public State(int schema, String syncRoot, String folder, String syncedFolder, String claudeDir,
            List<LinkedItem> items, List<String> chosen, String updated) {
        this(schema, syncRoot, folder, syncedFolder, claudeDir, items, chosen, updated, null, null);
    }

    /** One item tether linked. */
    public record LinkedItem(String name, String kind, String target, String linkedAt) {
    }

    /**
     * The retention value tether added: to which settings file, whether tether made that file, and when.
     * {@code unlink} removes the key again only while it still holds tether's value.
     */
    public record RetentionMark(String settings, boolean created, int days, String at) {
    }

    /** tether's hooks: in which settings file, and whether setup made its {@code hooks} object. */
    public record HooksMark(String settings, boolean madeHooks, String at) {
    }

    public Optional<LinkedItem> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public State withItem(LinkedItem item, String now) {
        List<LinkedItem> next = new ArrayList<>(items);
        next.removeIf(i -> i.name().equals(item.name()));
        next.add(item);
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, next, chosen, now, retention, hooks);
    }

    public State withoutItem(String name, String now) {
        List<LinkedItem> next = new ArrayList<>(items);
        next.removeIf(i -> i.name().equals(name));
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, next, chosen, now, retention, hooks);
    }

    /** The same state with {@code mark} as tether's retention value (null: none). */
    public State withRetention(RetentionMark mark, String now) {
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, items, chosen, now, mark, hooks);
    }

    /** The same state with {@code mark} as tether's hooks (null: none). */
    public State withHooks(HooksMark mark, String now) {
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, items, chosen, now, retention, mark);
    }

    /** The same state placed at {@code syncRoot}, {@code folder}, {@code syncedFolder} and {@code claudeDir}, with {@code chosen}. */
    public State at(String syncRoot, String folder, String syncedFolder, String claudeDir, List<String> chosen, String now) {
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, items, chosen, now, retention, hooks);
    }
}
