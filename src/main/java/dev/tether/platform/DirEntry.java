package dev.tether.platform;

import java.nio.file.Path;

/**
 * One entry of a directory listing, with its type as the directory read itself reported it, so a walk
 * that only needs the type does not {@code lstat} every entry.
 */
public record DirEntry(Path path, Type type) {

    /** What the directory read said the entry is; {@link #UNKNOWN} when it did not say (the caller must ask). */
    public enum Type {
        DIRECTORY, FILE, SYMLINK, OTHER, UNKNOWN
    }
}
