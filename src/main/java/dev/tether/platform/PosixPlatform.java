package dev.tether.platform;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What Linux and macOS share: symlinks, devices from {@code stat}, {@code isatty}, errno mapping. */
abstract class PosixPlatform implements Platform {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EACCES = 13;
    static final int EEXIST = 17;
    static final int EXDEV = 18;
    static final int EINVAL = 22;

    @Override
    public void createLink(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
    }

    @Override
    public boolean sameDevice(Path a, Path b) throws IOException {
        try {
            return Files.getAttribute(a, "unix:dev", LinkOption.NOFOLLOW_LINKS)
                    .equals(Files.getAttribute(b, "unix:dev", LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.getFileStore(a).equals(Files.getFileStore(b));
        }
    }

    @Override
    public boolean isTerminal(int fd) {
        try {
            return Libc.isatty(fd);
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Turns an errno from a rename into the exception Java's own file API would throw. */
    static IOException renameError(int errno, Path from, Path to) {
        String reason = Libc.describe(errno);
        return switch (errno) {
            case EEXIST -> new FileAlreadyExistsException(to.toString(), null, "the destination exists; nothing was replaced");
            case ENOENT -> new NoSuchFileException(from.toString(), to.toString(), reason);
            case EACCES, EPERM -> new AccessDeniedException(from.toString(), to.toString(), reason);
            case 39, 66 -> new DirectoryNotEmptyException(to.toString());
            case EXDEV -> new FileSystemException(from.toString(), to.toString(), "not on the same filesystem (EXDEV)");
            default -> new FileSystemException(from.toString(), to.toString(), reason + " (errno " + errno + ")");
        };
    }
}
