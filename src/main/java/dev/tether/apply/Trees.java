package dev.tether.apply;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deleting and sizing trees without ever following a link (a link inside is removed, not its target). */
public final class Trees {
    private Trees() {
    }

    /** Deletes {@code path} and everything below it; a link is deleted as a link. Missing is fine. */
    public static void deleteIfExists(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attrs.isDirectory()) {
            Files.deleteIfExists(path);
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    public static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    public static boolean isLink(Path p) {
        return Files.isSymbolicLink(p);
    }

    /** True when {@code link} is a symbolic link whose target is exactly {@code target}. */
    public static boolean isLinkTo(Path link, Path target) throws IOException {
        if (!Files.isSymbolicLink(link)) {
            return false;
        }
        return link.getParent().resolve(Files.readSymbolicLink(link)).normalize().equals(target);
    }

    /** Deletes {@code p} only when it is a link (a temporary link of ours); real data is never touched. */
    public static void deleteIfLink(Path p) throws IOException {
        if (Files.isSymbolicLink(p)) {
            Files.delete(p);
        }
    }
}
