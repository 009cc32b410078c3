package dev.tether.apply;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides, file by file, how a local item merges into its synced copy (the merge rules of docs/cli.md): a file
 * only here moves in; identical bytes are dropped; different {@code .jsonl} files become the union of
 * their lines; anything else that differs stays in the synced copy and the local one is kept aside.
 * Links are compared by their text and never followed.
 */
final class TreeMerge {
    enum Way {
        /** Only local: copied into the synced tree. */
        MOVE_IN,
        /** A local directory missing in the synced tree: made there. */
        MAKE_DIR,
        /** Same bytes (or the same link, or a directory on both sides): nothing to do. */
        DROP,
        /** Different JSONL files: the synced file becomes the union of both. */
        UNION,
        /** Different otherwise: the synced one stays, the local one is kept under the kept dir. */
        KEEP
    }

    /**
     * One path of the local item and what happens to it. {@code syncedSize}/{@code syncedMtime}
     * describe the synced file a union was planned against, so a change before placing is noticed.
     */
    record FileMerge(String rel, Way way, long syncedSize, long syncedMtime) {
    }

    private TreeMerge() {
    }

    static List<FileMerge> plan(Path local, Path synced) throws IOException {
        List<FileMerge> out = new ArrayList<>();
        Files.walkFileTree(local, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = Manifest.relative(local, dir);
                Path other = resolve(synced, rel);
                if (Files.isDirectory(other, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new FileMerge(rel, Way.DROP, -1, -1));
                    return FileVisitResult.CONTINUE;
                }
                if (Trees.exists(other) || blockedByNonDirectory(synced, rel)) {
                    // a file where the local tree has a directory: the whole local subtree is kept aside
                    keepSubtree(local, dir, out);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                out.add(new FileMerge(rel, Way.MAKE_DIR, -1, -1));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = Manifest.relative(local, file);
                out.add(decideFile(file, resolve(synced, rel), rel, attrs));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }
        });
        return out;
    }

    private static FileMerge decideFile(Path file, Path other, String rel, BasicFileAttributes attrs) throws IOException {
        BasicFileAttributes o;
        try {
            o = Files.readAttributes(other, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return new FileMerge(rel, Way.MOVE_IN, -1, -1);
        } catch (java.nio.file.FileSystemException e) {
            return new FileMerge(rel, Way.KEEP, -1, -1); // a parent in the synced tree is a file
        }
        if (attrs.isSymbolicLink() || o.isSymbolicLink()) {
            boolean same = attrs.isSymbolicLink() && o.isSymbolicLink()
                    && Files.readSymbolicLink(file).equals(Files.readSymbolicLink(other));
            return new FileMerge(rel, same ? Way.DROP : Way.KEEP, -1, -1);
        }
        if (!o.isRegularFile()) {
            return new FileMerge(rel, Way.KEEP, -1, -1);
        }
        if (o.size() == attrs.size() && sameBytes(file, other)) {
            return new FileMerge(rel, Way.DROP, -1, -1);
        }
        Way way = file.getFileName().toString().endsWith(".jsonl") ? Way.UNION : Way.KEEP;
        return new FileMerge(rel, way, o.size(), o.lastModifiedTime().toMillis());
    }

    private static boolean sameBytes(Path a, Path b) throws IOException {
        return Files.mismatch(a, b) == -1;
    }

    private static boolean blockedByNonDirectory(Path synced, String rel) {
        Path p = resolve(synced, rel).getParent();
        while (p != null && p.startsWith(synced) && !p.equals(synced)) {
            if (Trees.exists(p) && !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
            p = p.getParent();
        }
        return false;
    }

    private static void keepSubtree(Path local, Path dir, List<FileMerge> out) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.add(new FileMerge(Manifest.relative(local, p), Way.KEEP, -1, -1));
                }
            }
        }
    }

    static Path resolve(Path root, String rel) {
        return rel.isEmpty() ? root : root.resolve(rel);
    }
}
