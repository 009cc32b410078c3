package dev.tether.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * This machine's record of what tether set up: the sync root, the synced folder and every item it
 * linked with the exact target it linked to. {@code unlink} touches only what is recorded here.
 */
public record State(int schema, String syncRoot, String folder, String syncedFolder, String claudeDir,
        List<LinkedItem> items, List<String> chosen, String updated) {

    /** @param chosen the items setup was last asked to handle, linked or not (verify reports the unlinked ones) */
    public State {
        items = items == null ? List.of() : List.copyOf(items);
        chosen = chosen == null ? List.of() : List.copyOf(chosen);
    }

    /** One item tether linked. */
    public record LinkedItem(String name, String kind, String target, String linkedAt) {
    }

    public Optional<LinkedItem> item(String name) {
        return items.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    public State withItem(LinkedItem item, String now) {
        List<LinkedItem> next = new ArrayList<>(items);
        next.removeIf(i -> i.name().equals(item.name()));
        next.add(item);
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, next, chosen, now);
    }

    public State withoutItem(String name, String now) {
        List<LinkedItem> next = new ArrayList<>(items);
        next.removeIf(i -> i.name().equals(name));
        return new State(schema, syncRoot, folder, syncedFolder, claudeDir, next, chosen, now);
    }
}
