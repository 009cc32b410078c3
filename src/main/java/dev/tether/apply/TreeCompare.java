package dev.tether.apply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Whether two trees (or files) hold the same data, by reading both: first their shapes (every folder,
 * link and file size), then every file's bytes against its counterpart's, several files at a time.
 * Links are compared as their text and never followed.
 */
final class TreeCompare {
    private TreeCompare() {
    }

    /** True when {@code a} and {@code b} hold the same folders, links and bytes. */
    public static boolean same(Path a, Path b) throws IOException {
        return firstDifference(a, b) == null;
    }

    /** The first path (in sorted order, {@code .} for the root) whose content differs, for an error message; null when equal. */
    public static String firstDifference(Path original, Path copy) throws IOException {
        Manifest shape = Manifest.shapeOf(original);
        String differs = shape.firstDifference(Manifest.shapeOf(copy));
        if (differs != null) {
            return differs;
        }
        NavigableSet<String> different = new ConcurrentSkipListSet<>();
        try (FilePool pool = new FilePool()) {
            for (Map.Entry<String, String> e : shape.entries().entrySet()) {
                if (!e.getValue().startsWith(Manifest.SIZE)) {
                    continue;
                }
                String rel = e.getKey();
                long size = Long.parseLong(e.getValue().substring(Manifest.SIZE.length()));
                pool.submit(2 * size, () -> {
                    if (!FileBytes.same(resolve(original, rel), resolve(copy, rel), size)) {
                        different.add(rel);
                    }
                });
            }
            pool.awaitAll();
        }
        return different.isEmpty() ? null : different.first().isEmpty() ? "." : different.first();
    }

    /** {@code root}'s entry {@code rel} (a manifest key, names joined by {@code /}). */
    private static Path resolve(Path root, String rel) {
        return rel.isEmpty() ? root : root.resolve(rel.replace("/", root.getFileSystem().getSeparator()));
    }
}
