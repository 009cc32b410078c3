package dev.tether.conflict;

import java.nio.file.Path;

/**
 * A conflict copy found in the synced folder.
 *
 * @param provider the id of the sync client that made it ({@code dropbox}, {@code syncthing}, ...)
 * @param label the client's name for people
 * @param copy the copy itself
 * @param original the file it is a copy of (it may be missing)
 * @param sameFile true when the copy is another version of the original; false when two different
 *     files collided by name (case or Unicode clashes), which are never merged
 */
public record ConflictCopy(String provider, String label, Path copy, Path original, boolean sameFile) {

    /** True when the original is a JSONL file, whose versions {@link JsonlMerge} can unite. */
    public boolean isJsonl() {
        return original.getFileName().toString().endsWith(".jsonl");
    }
}
