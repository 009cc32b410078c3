package dev.tether.apply;

import dev.tether.conflict.JsonlMerge;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The union of two JSONL files' lines, as {@code tether resolve} makes it; written to {@code out}. */
final class JsonlUnion {
    private JsonlUnion() {
    }

    /** The synced file comes first, so when the order falls back its lines keep their place. */
    static void union(Path synced, Path local, Path out) throws IOException {
        JsonlMerge.merge(List.of(synced, local), out);
    }
}
