package dev.tether.retention;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;

/**
 * One settings file on disk (the user's {@code <claude-dir>/settings.json} or the managed one), read as it
 * is and rewritten atomically: the new bytes go to a hidden sibling of the file the path finally leads
 * to, are fsynced, and replace it in one rename. A {@code settings.json} that is a link stays a link.
 */
public final class SettingsFile {
    /** What the file holds: nothing, something that is not a JSON object, or settings. */
    public sealed interface Read {
        /** No file. */
        record Missing() implements Read {
        }

        /** A file that is not one JSON object (or cannot be read): left as it is. */
        record Invalid(String reason) implements Read {
        }

        /** The settings, with how the file ended and when it was last written. */
        record Valid(ObjectNode settings, boolean endsWithNewline, long size, FileTime modified) implements Read {
        }
    }

    private final Path path;

    public SettingsFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public Read read() {
        byte[] bytes;
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    ? new Read.Invalid("it is a link to " + e.getFile() + ", which does not exist")
                    : new Read.Missing();
        } catch (IOException e) {
            return new Read.Invalid("it cannot be read: " + e.getMessage());
        }
        try {
            ObjectNode settings = SettingsJson.parse(bytes);
            boolean newline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
            return new Read.Valid(settings, newline, attrs.size(), attrs.lastModifiedTime());
        } catch (IOException e) {
            return new Read.Invalid("it is not valid JSON (" + firstLine(e.getMessage()) + ")");
        }
    }

    /**
     * Writes {@code settings} in place of what {@code before} read, atomically. Refuses (an
     * {@link IOException}, nothing written) when the file changed since it was read: the edit was made on
     * what was read, and writing it now would drop the newer change.
     */
    public void replace(Read before, ObjectNode settings, String runId) throws IOException {
        Path target = target();
        boolean newline = !(before instanceof Read.Valid v) || v.endsWithNewline();
        byte[] bytes = SettingsJson.write(settings, newline);
        Path tmp = temp(target, runId);
        Files.createDirectories(target.getParent());
        AtomicFiles.writeUnder(tmp, bytes);
        keepMode(target, tmp);
        if (changedSince(before, target)) {
            Files.deleteIfExists(tmp);
            throw new IOException(path + " changed while tether was editing it; it was left as it is now");
        }
        if (before instanceof Read.Valid) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE); // a new file: never replaces one that appeared
        }
        AtomicFiles.syncDirectory(target.getParent());
    }

    /** The file the path finally leads to: the settings file itself, or what its link points at. */
    private Path target() throws IOException {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? path.toRealPath() : path.toAbsolutePath();
    }

    private static Path temp(Path target, String runId) {
        return target.resolveSibling("." + target.getFileName() + ".tether-settings-" + runId);
    }

    /** Removes what a {@link #replace} of run {@code runId} that was cut short left behind. */
    public void discardTemp(String runId) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.exists(path)) {
            Files.deleteIfExists(temp(target(), runId));
        }
    }

    /** The new file gets the old one's POSIX mode (a settings file may be private to its owner). */
    private static void keepMode(Path from, Path to) throws IOException {
        if (Files.exists(from) && Files.getFileAttributeView(from, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        }
    }

    private static boolean changedSince(Read before, Path target) throws IOException {
        if (!(before instanceof Read.Valid v)) {
            return Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        }
        BasicFileAttributes now = Files.readAttributes(target, BasicFileAttributes.class);
        return now.size() != v.size() || !now.lastModifiedTime().equals(v.modified());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
