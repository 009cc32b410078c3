package dev.tether.apply;

import java.io.IOException;
import java.nio.file.Path;

/** The union of two JSONL files' lines, as {@code tether resolve} makes it; written to {@code out}. */
final class JsonlUnion {
    private JsonlUnion() {
    }

    static void union(Path synced, Path local, Path out) throws IOException {
        throw new IOException("JSONL union is not wired yet");
    }
}
