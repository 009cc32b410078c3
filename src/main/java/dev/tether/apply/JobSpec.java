package dev.tether.apply;

import java.nio.file.Path;

/**
 * What one item's job needs to run, resume or roll back: written into the journal's {@code planned}
 * line, so a later run rebuilds exactly the same job. Paths are stored as strings.
 *
 * @param action {@code move}, {@code link} or {@code restore} (unlink)
 * @param removeSynced for {@code restore}: move the data back instead of copying it
 * @param previousTarget for {@code relink}: where the link pointed before
 * @param keptDir for {@code merge}: where local files that differ from their synced copy are kept
 */
public record JobSpec(String item, String action, String kind, String source, String target, boolean crossDevice,
        boolean removeSynced, long bytes, long files, String previousTarget, String keptDir) {
    public static final String MOVE = "move";
    public static final String LINK = "link";
    public static final String MERGE = "merge";
    public static final String RELINK = "relink";
    public static final String RESTORE = "restore";

    /** A job without the fields only relink ({@code previousTarget}) and merge ({@code keptDir}) use. */
    public JobSpec(String item, String action, String kind, String source, String target, boolean crossDevice,
            boolean removeSynced, long bytes, long files) {
        this(item, action, kind, source, target, crossDevice, removeSynced, bytes, files, null, null);
    }


    public Path sourcePath(java.nio.file.FileSystem fs) {
        return fs.getPath(source);
    }

    public Path targetPath(java.nio.file.FileSystem fs) {
        return fs.getPath(target);
    }
}
