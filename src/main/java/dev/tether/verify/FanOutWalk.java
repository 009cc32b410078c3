package dev.tether.verify;

import dev.tether.platform.DirEntry;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Several visitors over one walk of a tree, so checks that each read the whole synced folder cost one
 * walk, not one each; and the folders are read on several threads, because a walk of 200,000 files is
 * one system call after another (a folder read, or an {@code lstat} where types must be asked for), which
 * the cores (and a disk's queue) can serve side by side.
 *
 * <p>Every visitor sees the events a {@code Files.walkFileTree} of its own would give it (links not
 * followed): nothing below a folder it skipped, {@code postVisitDirectory} after everything below a
 * folder, {@code visitFileFailed} for an entry that cannot be read (a folder that cannot be opened
 * gets it instead of {@code preVisitDirectory}). Only the order differs: folders are visited
 * concurrently, so visitors must be thread-safe and must not depend on the order of siblings.
 * Visitors may answer {@code CONTINUE} or {@code SKIP_SUBTREE}.
 *
 * <p>Folders are listed through {@link Platform#listDirectory}, because an entry's type is all the walk
 * needs and Java's listing gives names only: a {@code readAttributes} per entry was one {@code statx}
 * system call per entry, half the time of a walk. Where the listing gives the type (Linux's
 * {@code d_type}, as {@code find} uses it), the entry gets {@link TypedAttributes} and no system call;
 * elsewhere, and for an entry whose type the file system did not give, its attributes are read as before.
 */
final class FanOutWalk {
    static final int THREADS = 8;
    /** Sub-folders of one folder queued at a time: enough to keep every thread busy, few enough to keep memory small. */
    static final int PENDING = 4 * THREADS;

    private final Platform platform;
    private final List<FileVisitor<Path>> visitors;

    private FanOutWalk(Platform platform, List<FileVisitor<Path>> visitors) {
        this.platform = platform;
        this.visitors = visitors;
    }

    /** Walks {@code root} once for all {@code visitors}, listing its folders through {@code platform}. */
    static void walk(Platform platform, Path root, List<FileVisitor<Path>> visitors) throws IOException {
        FanOutWalk walk = new FanOutWalk(platform, visitors);
        BitSet all = new BitSet();
        all.set(0, visitors.size());
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(root, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            walk.failed(root, e, all);
            return;
        }
        if (!attrs.isDirectory()) {
            walk.file(root, attrs, all);
            return;
        }
        ForkJoinPool pool = new ForkJoinPool(THREADS);
        try {
            pool.invoke(walk.new Folder(root, attrs, all));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            pool.shutdown();
        }
    }

    /** One folder: read its entries, visit the files, fork a task per sub-folder, then post-visit it. */
    private final class Folder extends RecursiveAction {
        private static final long serialVersionUID = 1L;
        private final transient Path dir;
        private final transient BasicFileAttributes attrs;
        private final BitSet active;

        Folder(Path dir, BasicFileAttributes attrs, BitSet active) {
            this.dir = dir;
            this.attrs = attrs;
            this.active = active;
        }

        @Override
        protected void compute() {
            try {
                visit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void visit() throws IOException {
            DirectoryStream<DirEntry> entries;
            try {
                entries = platform.listDirectory(dir);
            } catch (IOException e) {
                failed(dir, e, active); // as Files.walkFileTree: the folder that cannot be opened is a failed entry
                return;
            }
            IOException broken = null;
            ArrayDeque<Folder> below = new ArrayDeque<>();
            try (entries) {
                BitSet inside = (BitSet) active.clone();
                for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
                    FileVisitResult r = visitors.get(i).preVisitDirectory(dir, attrs);
                    if (r == FileVisitResult.SKIP_SUBTREE) {
                        inside.clear(i);
                    } else {
                        expectContinue(r);
                    }
                }
                if (inside.isEmpty()) {
                    return;
                }
                try {
                    for (DirEntry listed : entries) {
                        Path entry = listed.path();
                        BasicFileAttributes a;
                        if (listed.type() != DirEntry.Type.UNKNOWN) {
                            a = new TypedAttributes(entry, listed.type());
                        } else {
                            try {
                                a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                            } catch (IOException e) {
                                failed(entry, e, inside);
                                continue;
                            }
                        }
                        if (a.isDirectory()) {
                            if (below.size() == PENDING) {
                                below.removeFirst().join(); // a folder of 30,000 folders does not queue them all
                            }
                            Folder sub = new Folder(entry, a, inside);
                            sub.fork();
                            below.add(sub);
                        } else {
                            file(entry, a, inside);
                        }
                    }
                } catch (DirectoryIteratorException e) {
                    broken = e.getCause();
                }
                for (Folder sub : below) {
                    sub.join();
                }
                for (int i = inside.nextSetBit(0); i >= 0; i = inside.nextSetBit(i + 1)) {
                    expectContinue(visitors.get(i).postVisitDirectory(dir, broken));
                }
            } finally {
                for (Folder sub : below) {
                    if (!sub.isDone()) {
                        sub.quietlyJoin(); // a failure above: no task of this walk outlives it
                    }
                }
            }
        }
    }

    private void file(Path file, BasicFileAttributes attrs, BitSet active) throws IOException {
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            expectContinue(visitors.get(i).visitFile(file, attrs));
        }
    }

    private void failed(Path entry, IOException e, BitSet active) throws IOException {
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            expectContinue(visitors.get(i).visitFileFailed(entry, e));
        }
    }

    private static void expectContinue(FileVisitResult r) {
        if (r != FileVisitResult.CONTINUE) {
            throw new IllegalStateException("a shared walk supports CONTINUE and SKIP_SUBTREE, not " + r);
        }
    }
}
