package dev.tether.apply;

import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting and sizing trees without ever following a link (a link inside is removed, not its target).
 * Links are recognised through {@link Links}, because Java sees a Windows junction as a plain directory
 * and would walk into it.
 */
public final class Trees {
    private Trees() {
    }

    /**
     * Deletes {@code path} and everything below it; a link is deleted as a link. Missing is fine. The
     * files go first, several at a time (a file system with slow metadata, such as ext4 mounted with
     * {@code discard}, deletes ten times faster with concurrent callers), then the folders, deepest first.
     */
    public static void deleteIfExists(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attrs.isDirectory() || Links.isLink(path, attrs)) {
            Files.deleteIfExists(path); // a junction goes with RemoveDirectoryW: the link, never its target's content
            return;
        }
        List<List<Path>> dirsByDepth = new ArrayList<>();
        try (FilePool pool = new FilePool()) {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                private int depth = -1;

                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) throws IOException {
                    if (Links.isLink(dir, a)) {
                        Files.delete(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    depth++;
                    while (dirsByDepth.size() <= depth) {
                        dirsByDepth.add(new ArrayList<>());
                    }
                    dirsByDepth.get(depth).add(dir);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                    pool.submit(0, () -> delete(file)); // a link is a file here: it goes, its target stays
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    depth--;
                    return FileVisitResult.CONTINUE;
                }
            });
            pool.awaitAll();
            for (int depth = dirsByDepth.size() - 1; depth >= 0; depth--) {
                for (Path dir : dirsByDepth.get(depth)) {
                    pool.submit(0, () -> delete(dir));
                }
                pool.awaitAll();
            }
        }
    }

    /**
     * Deletes one file, link or empty folder. {@code Files.delete} first reads the entry's type to choose
     * between unlink and rmdir; C's {@code remove} (what {@code File.delete} calls) tries them in turn,
     * a system call fewer for each of 200,000 files. When it fails, {@code Files.delete} runs to say why.
     */
    private static void delete(Path p) throws IOException {
        if (p.getFileSystem() != FileSystems.getDefault() || !p.toFile().delete()) {
            Files.delete(p);
        }
    }

    public static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /** A symbolic link or a junction. */
    public static boolean isLink(Path p) {
        return Links.isLink(p);
    }

    /** True when {@code link} is a symbolic link or junction whose target is exactly {@code target}. */
    public static boolean isLinkTo(Path link, Path target) throws IOException {
        return Links.read(link).map(l -> l.target().equals(target)).orElse(false);
    }

    /** Deletes {@code p} only when it is a link (a temporary link of ours); real data is never touched. */
    public static void deleteIfLink(Path p) throws IOException {
        if (Links.isLink(p)) {
            Files.delete(p);
        }
    }
}
