package dev.tether.apply;

import dev.tether.platform.Links;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies a file or tree to a new path that must not exist, fsyncs every file, keeps modification
 * times and POSIX modes, copies links as links (never following one), and hashes the source while
 * reading it, so the copy can then be compared against what was actually read.
 */
public final class TreeCopier {
    private TreeCopier() {
    }

    /** Copies {@code source} to {@code dest}; returns the manifest of the source as read. */
    public static Manifest copy(Path source, Path dest, Progress progress) throws IOException {
        Map<String, String> manifest = new TreeMap<>();
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (Links.isLink(dir, attrs)) {
                    throw new IOException("cannot copy " + dir + ": a junction (planning refuses trees holding one)");
                }
                Files.createDirectory(dest.resolve(source.relativize(dir).toString()));
                manifest.put(Manifest.relative(source, dir), "dir");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = dest.resolve(source.relativize(file).toString());
                if (source.equals(file)) {
                    to = dest;
                }
                String fp;
                if (attrs.isSymbolicLink()) {
                    Files.createSymbolicLink(to, Files.readSymbolicLink(file));
                    fp = "link:" + Files.readSymbolicLink(file);
                } else if (attrs.isRegularFile()) {
                    fp = copyFile(file, to, progress);
                    keepAttributes(file, to, attrs);
                } else {
                    throw new IOException("cannot copy " + file + ": not a regular file, directory or link");
                }
                manifest.put(Manifest.relative(source, file), fp);
                progress.advance(0, 1);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Path to = dest.resolve(source.relativize(dir).toString());
                fsyncDirectory(to);
                // after the children: setting a read-only mode first would block writing them
                keepAttributes(dir, to, Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
                return FileVisitResult.CONTINUE;
            }
        });
        return new Manifest(manifest);
    }

    private static String copyFile(Path from, Path to, Progress progress) throws IOException {
        MessageDigest digest = Manifest.sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream os = Channels.newOutputStream(out);
            byte[] buf = new byte[Manifest.BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                os.write(buf, 0, n);
                size += n;
                progress.advance(n, 0);
            }
            out.force(true);
        }
        return Manifest.fileFingerprint(digest, size);
    }

    /** Keeps the modification time (Claude Code's /resume orders sessions by it) and the POSIX mode. */
    static void keepAttributes(Path from, Path to, BasicFileAttributes attrs) throws IOException {
        PosixFileAttributeView fromView = Files.getFileAttributeView(from, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView toView = Files.getFileAttributeView(to, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (fromView != null && toView != null) {
            Set<PosixFilePermission> perms = fromView.readAttributes().permissions();
            toView.setPermissions(perms);
        }
        FileTime mtime = attrs.lastModifiedTime();
        Files.getFileAttributeView(to, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .setTimes(mtime, null, null);
    }

    static void fsyncDirectory(Path dir) {
        dev.tether.state.AtomicFiles.syncDirectory(dir);
    }
}
