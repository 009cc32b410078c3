package dev.tether.verify;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Several visitors over one walk of a tree, so checks that each read the whole synced folder cost one
 * walk, not one each. Every visitor sees exactly the events a walk of its own would give it: nothing
 * below a folder it skipped (and no {@code postVisitDirectory} for that folder); the walk itself skips
 * a folder only when every visitor does. Visitors may answer {@code CONTINUE} or {@code SKIP_SUBTREE}.
 * Links are not followed.
 */
final class FanOutWalk implements FileVisitor<Path> {
    private final List<FileVisitor<Path>> visitors;
    /** Per visitor: the folder whose subtree it skips while the walk is inside it, else null. */
    private final Path[] skipping;

    private FanOutWalk(List<FileVisitor<Path>> visitors) {
        this.visitors = visitors;
        this.skipping = new Path[visitors.size()];
    }

    static void walk(Path root, List<FileVisitor<Path>> visitors) throws IOException {
        Files.walkFileTree(root, new FanOutWalk(visitors));
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        boolean enter = false;
        for (int i = 0; i < visitors.size(); i++) {
            if (skipping[i] != null) {
                continue;
            }
            FileVisitResult r = visitors.get(i).preVisitDirectory(dir, attrs);
            if (r == FileVisitResult.SKIP_SUBTREE) {
                skipping[i] = dir;
            } else {
                enter |= expectContinue(r);
            }
        }
        if (!enter) {
            for (int i = 0; i < skipping.length; i++) {
                if (dir.equals(skipping[i])) {
                    skipping[i] = null; // the walk skips it too: no postVisitDirectory comes to end the skip
                }
            }
            return FileVisitResult.SKIP_SUBTREE;
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        for (int i = 0; i < visitors.size(); i++) {
            if (skipping[i] == null) {
                expectContinue(visitors.get(i).visitFile(file, attrs));
            }
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
        for (int i = 0; i < visitors.size(); i++) {
            if (skipping[i] == null) {
                expectContinue(visitors.get(i).visitFileFailed(file, e));
            }
        }
        return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        for (int i = 0; i < visitors.size(); i++) {
            if (skipping[i] == null) {
                expectContinue(visitors.get(i).postVisitDirectory(dir, e));
            } else if (skipping[i].equals(dir)) {
                skipping[i] = null;
            }
        }
        return FileVisitResult.CONTINUE;
    }

    private static boolean expectContinue(FileVisitResult r) {
        if (r != FileVisitResult.CONTINUE) {
            throw new IllegalStateException("a shared walk supports CONTINUE and SKIP_SUBTREE, not " + r);
        }
        return true;
    }
}
