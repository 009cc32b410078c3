package dev.tether.apply;

import java.nio.file.Path;

/**
 * What one item's job needs to run, resume or roll back: written into the journal's {@code planned}
 * line, so a later run rebuilds exactly the same job. Paths are stored as strings.
 *
 * @param action {@code move}, {@code link} or {@code restore} (unlink)
 * @param removeSynced for {@code restore}: move the data back instead of copying it
 */
public record JobSpec(String item, String action, String kind, String source, String target, boolean crossDevice,
        boolean removeSynced, long bytes, long files) {
    public static final String MOVE = "move";
    public static final String LINK = "link";
    public static final String RESTORE = "restore";


    public Path sourcePath(java.nio.file.FileSystem fs) {
        return fs.getPath(source);
    }

    public Path targetPath(java.nio.file.FileSystem fs) {
        return fs.getPath(target);
    }
}
