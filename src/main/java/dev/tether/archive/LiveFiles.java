package dev.tether.archive;

import dev.tether.layout.Items;
import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The files a backup looks at: every regular file under the items, the item itself read through its link
 * (so a machine that was set up is backed up from the synced folder), never a link found inside an item and
 * never a credential. Metadata only: listing reads no file's content.
 */
public final class LiveFiles {
    /** Claude Code's folders that are not among setup's defaults but hold history worth keeping. */
    static final List<String> EXTRA = List.of("todos", "plans");

    private LiveFiles() {
    }

    /** The items to back up: the linked ones, else setup's defaults; plus {@link #EXTRA} where present. */
    static List<String> items(List<String> linked, Path claudeDir) {
        Set<String> out = new LinkedHashSet<>(linked.isEmpty() ? Items.DEFAULTS : linked);
        for (String extra : EXTRA) {
            if (Files.exists(claudeDir.resolve(extra))) {
                out.add(extra);
            }
        }
        out.removeIf(Items::isCredentialName);
        return List.copyOf(out);
    }

    /** What went wrong with one path while listing (it is left out; the rest is backed up). */
    public record Problem(String rel, String what) {
    }

    /** The listing: the files, and the paths that could not be read. */
    record Listing(List<LiveFile> files, List<Problem> problems) {
    }

    static Listing list(Path claudeDir, List<String> items) throws IOException {
        List<LiveFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (String item : items) {
            Path at = claudeDir.resolve(item);
            Path root;
            try {
                root = at.toRealPath();
            } catch (NoSuchFileException e) {
                if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                    problems.add(new Problem(item, "it links to " + e.getFile() + ", which does not exist"));
                }
                continue;
            }
            walk(item, root, files, problems);
        }
        return new Listing(files, problems);
    }

    private static void walk(String item, Path root, List<LiveFile> files, List<Problem> problems) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && Links.isLink(dir, attrs)) {
                    return FileVisitResult.SKIP_SUBTREE; // a junction: never followed
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !Items.isCredentialName(file.getFileName().toString())) {
                    files.add(new LiveFile(rel(item, root, file), file, attrs.size(), attrs.lastModifiedTime().toMillis(),
                            attrs.fileKey() == null ? null : attrs.fileKey().toString()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(new Problem(rel(item, root, file), e.getMessage() == null ? e.toString() : e.getMessage()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String rel(String item, Path root, Path file) {
        String inside = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
        return inside.isEmpty() ? item : item + "/" + inside;
    }
}
