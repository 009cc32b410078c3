package dev.tether.platform;

import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reading links the way the OS of a path's file system sees them, for code that walks trees and has no
 * {@link Platform} at hand. Java's NIO sees symlinks everywhere but reports a Windows junction as a
 * plain directory that is also "other" (a reparse point), and {@code Files.walkFileTree} descends into
 * it: a recursive delete would then delete the junction's target. Every walk asks {@link #isLink} first.
 *
 * <p>Only a directory reparse point on the default file system of a Windows process costs a native call;
 * everything else (Linux, macOS, Jimfs) is decided from the attributes alone.
 */
public final class Links {
    private Links() {
    }

    /** Reads the junction at a directory reparse point: its absolute target, or empty for another kind of reparse point. */
    interface JunctionReader {
        Optional<Path> junctionTarget(Path directory) throws IOException;
    }

    private static final JunctionReader NO_JUNCTIONS = dir -> Optional.empty();

    /** The symlink or junction at {@code path}, with its absolute target; empty for anything else or nothing. */
    public static Optional<Platform.Link> read(Path path) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return read(path, attrs);
    }

    /** The same, from attributes already read (NOFOLLOW_LINKS), as a tree walk has them. */
    public static Optional<Platform.Link> read(Path path, BasicFileAttributes attrs) throws IOException {
        return read(path, attrs, readerFor(path));
    }

    /**
     * True when {@code path} is a symlink or a junction. Never throws: a directory reparse point that cannot
     * be read counts as a link, because the safe answer for a walk is not to descend.
     */
    public static boolean isLink(Path path) {
        try {
            return isLink(path, Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return false; // nothing there (or unreadable): not a link a caller could act on
        }
    }

    /** {@link #isLink(Path)} from attributes already read (NOFOLLOW_LINKS), for the visitor of a tree walk. */
    public static boolean isLink(Path path, BasicFileAttributes attrs) {
        return isLink(path, attrs, readerFor(path));
    }

    static Optional<Platform.Link> read(Path path, BasicFileAttributes attrs, JunctionReader junctions) throws IOException {
        if (attrs.isSymbolicLink()) {
            Path raw = Files.readSymbolicLink(path);
            return Optional.of(new Platform.Link(LinkKind.SYMLINK, path.toAbsolutePath().getParent().resolve(raw).normalize()));
        }
        if (isDirectoryReparsePoint(attrs)) {
            return junctions.junctionTarget(path).map(target -> new Platform.Link(LinkKind.JUNCTION, target));
        }
        return Optional.empty();
    }

    static boolean isLink(Path path, BasicFileAttributes attrs, JunctionReader junctions) {
        if (attrs.isSymbolicLink()) {
            return true;
        }
        if (!isDirectoryReparsePoint(attrs)) {
            return false;
        }
        try {
            return junctions.junctionTarget(path).isPresent();
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** How Java on Windows shows a junction (and any other directory reparse point): a directory that is also "other". */
    private static boolean isDirectoryReparsePoint(BasicFileAttributes attrs) {
        return attrs.isDirectory() && attrs.isOther();
    }

    private static JunctionReader readerFor(Path path) {
        if (Os.current() == Os.WINDOWS && path.getFileSystem() == FileSystems.getDefault()) {
            return WindowsLinks::readJunction;
        }
        return NO_JUNCTIONS;
    }
}
