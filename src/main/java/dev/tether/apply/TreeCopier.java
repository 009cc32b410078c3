package dev.tether.apply;

import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies a file or tree to a new path that must not exist, fsyncs every file, keeps modification
 * times and POSIX modes, and copies links as links (never following one). Proving the copy equal is
 * {@link TreeCompare}'s job, after the copy.
 *
 * <p>The walk makes the directories and links in order; the files are copied by a {@link FilePool},
 * several at a time. Directories get their fsync and attributes last, children before parents, once
 * every file below them is written.
 */
final class TreeCopier {
    private TreeCopier() {
    }

    /** Copies {@code source} to {@code dest}. */
    public static void copy(Path source, Path dest, Progress progress) throws IOException {
        List<Path[]> dirs = new ArrayList<>(); // source and copy, parents first
        Progress shared = synchronizedProgress(progress);
        try (FilePool pool = new FilePool()) {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (Links.isLink(dir, attrs)) {
                        throw new IOException("cannot copy " + dir + ": a junction (planning refuses trees holding one)");
                    }
                    String below = Manifest.below(source, dir);
                    Path to = below.isEmpty() ? dest : dest.resolve(below);
                    Files.createDirectory(to);
                    dirs.add(new Path[] {dir, to});
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String below = Manifest.below(source, file);
                    Path to = below.isEmpty() ? dest : dest.resolve(below);
                    if (attrs.isSymbolicLink()) {
                        Files.createSymbolicLink(to, Files.readSymbolicLink(file));
                        shared.advance(0, 1);
                    } else if (attrs.isRegularFile()) {
                        pool.submit(attrs.size(), () -> {
                            FileBytes.copy(file, to, attrs.size(), n -> shared.advance(n, 0));
                            keepAttributes(file, to, attrs);
                            shared.advance(0, 1);
                        });
                    } else {
                        throw new IOException("cannot copy " + file + ": not a regular file, directory or link");
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
            pool.awaitAll();
            for (Path[] d : dirs) {
                pool.submit(0, () -> fsyncDirectory(d[1]));
            }
            pool.awaitAll();
        }
        // after the children: setting a read-only mode first would block writing them
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Path[] d = dirs.get(i);
            keepAttributes(d[0], d[1], Files.readAttributes(d[0], BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** Workers report from several threads; the CLI's progress line is drawn by one at a time. */
    private static Progress synchronizedProgress(Progress p) {
        if (p == Progress.NONE) {
            return p;
        }
        return new Progress() {
            @Override
            public synchronized void start(String what, long totalBytes, long totalFiles) {
                p.start(what, totalBytes, totalFiles);
            }

            @Override
            public synchronized void advance(long bytes, long files) {
                p.advance(bytes, files);
            }

            @Override
            public synchronized void finish() {
                p.finish();
            }
        };
    }

    /**
     * Keeps the modification time (Claude Code's /resume orders sessions by it), the access time (as
     * {@code cp -a}; giving both saves reading the copy's own first) and the POSIX mode. {@code to} is a
     * file or folder this copy just made, never a link, so its mode is set by path: one system call,
     * where opening it to change the mode without following links cost three.
     */
    static void keepAttributes(Path from, Path to, BasicFileAttributes attrs) throws IOException {
        PosixFileAttributeView fromView = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (fromView != null && Files.getFileAttributeView(to, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, fromView.readAttributes().permissions());
        }
        Files.getFileAttributeView(to, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(attrs.lastModifiedTime(), attrs.lastAccessTime(), null);
    }

    static void fsyncDirectory(Path dir) {
        dev.tether.state.AtomicFiles.syncDirectory(dir);
    }
}
