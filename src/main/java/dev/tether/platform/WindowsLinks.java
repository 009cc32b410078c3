package dev.tether.platform;

import dev.tether.platform.LinkKindDecision.SymlinkRights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Optional;

/** Junctions and symbolic links on Windows, through {@link WindowsNative}. Runs on Windows only. */
final class WindowsLinks {
    private WindowsLinks() {
    }

    /** The absolute target of the junction at {@code dir}; empty when it is another kind of reparse point (or none). */
    static Optional<Path> readJunction(Path dir) throws IOException {
        byte[] buf = new byte[ReparseData.MAX_SIZE];
        int length;
        try (WindowsNative.Handle h = WindowsNative.openReparsePoint(win32(dir), false)) {
            length = h.getReparsePoint(buf);
        } catch (NotLinkException e) {
            return Optional.empty(); // ERROR_NOT_A_REPARSE_POINT: it changed since its attributes were read
        }
        ReparseData.Point point = decode(dir, buf, length);
        if (!point.isMountPoint()) {
            return Optional.empty();
        }
        String name = point.substituteName().isEmpty() ? point.printName() : point.substituteName();
        String target = WindowsPaths.fromNtName(name);
        try {
            return Optional.of(dir.getFileSystem().getPath(target));
        } catch (InvalidPathException e) {
            throw new IOException(dir + " is a junction to " + target + ", which is not a folder path tether can follow", e);
        }
    }

    /**
     * Makes a junction at {@code link} (which must not exist) to the absolute local directory {@code target}:
     * an empty directory, then the mount-point reparse data, then a read-back of what Windows stored. On any
     * failure the directory it made is removed again, so nothing half-made stays behind.
     */
    static void createJunction(Path link, Path target) throws IOException {
        WindowsPaths.JunctionNames names;
        try {
            names = WindowsPaths.junctionNames(target.toAbsolutePath().normalize().toString());
        } catch (IllegalArgumentException e) {
            throw new LinkNotPossibleException(e.getMessage() + "; nothing was created at " + link,
                    LinkKindDecision.DEVELOPER_MODE_HINT);
        }
        byte[] data = ReparseData.mountPoint(names.substituteName(), names.printName());
        String at = win32(link);
        WindowsNative.createDirectory(at);
        boolean made = false;
        try {
            try (WindowsNative.Handle h = WindowsNative.openReparsePoint(at, true)) {
                h.setReparsePoint(data);
                // Windows stores what it is given: a wrong length or name shows here, not later as a junction to nowhere.
                byte[] back = new byte[ReparseData.MAX_SIZE];
                ReparseData.Point stored = decode(link, back, h.getReparsePoint(back));
                if (!stored.isMountPoint() || !names.substituteName().equals(stored.substituteName())) {
                    h.deleteReparsePoint(ReparseData.deleteRequest(ReparseData.TAG_MOUNT_POINT));
                    throw new IOException("the junction made at " + link + " read back as " + stored.substituteName()
                            + " instead of " + names.substituteName() + "; it was removed");
                }
            }
            made = true;
        } finally {
            if (!made) {
                removeQuietly(at);
            }
        }
    }

    /** Removes the junction at {@code link} with RemoveDirectoryW, which removes the link, never its target's content. */
    static void removeJunction(Path link) throws IOException {
        if (readJunction(link).isEmpty()) {
            throw new NotLinkException(link.toString(), null, "not a junction; tether removes only links");
        }
        WindowsNative.removeDirectory(win32(link));
    }

    /** Makes a symbolic link with the rights this account has; the target is stored as given (absolute). */
    static void createSymlink(Path link, Path target, boolean directory, SymlinkRights rights) throws IOException {
        int flags = (directory ? WindowsNative.SYMBOLIC_LINK_FLAG_DIRECTORY : 0)
                | (rights == SymlinkRights.DEVELOPER_MODE ? WindowsNative.SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE : 0);
        String at = win32(link);
        int error = WindowsNative.createSymbolicLink(at, target.toAbsolutePath().toString(), flags);
        if (error == WindowsErrors.ERROR_PRIVILEGE_NOT_HELD) {
            throw new LinkNotPossibleException("Windows refused a symbolic link at " + link + ": "
                    + WindowsErrors.describe(error), LinkKindDecision.DEVELOPER_MODE_HINT);
        }
        if (error != 0) {
            throw WindowsErrors.toException(error, "CreateSymbolicLinkW", at, null);
        }
    }

    /**
     * What this account may do, found by trying, because that is the only answer that cannot be wrong
     * (group policy, UAC and Developer Mode all play in): a throwaway link in {@code scratch} (the temp
     * folder, never the user's data), first with no flag (holds the privilege), then with
     * ALLOW_UNPRIVILEGED_CREATE (Developer Mode). A Windows older than 10 1703 rejects that flag: NONE.
     */
    static SymlinkRights probeRights(Path scratch) {
        Path probe = scratch.resolve("tether-symlink-probe-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        int[] flags = {0, WindowsNative.SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE};
        SymlinkRights[] rights = {SymlinkRights.PRIVILEGED, SymlinkRights.DEVELOPER_MODE};
        for (int i = 0; i < flags.length; i++) {
            try {
                if (WindowsNative.createSymbolicLink(win32(probe), "tether-probe-target", flags[i]) == 0) {
                    Files.deleteIfExists(probe);
                    return rights[i];
                }
            } catch (IOException e) {
                return SymlinkRights.NONE;
            }
        }
        return SymlinkRights.NONE;
    }

    private static ReparseData.Point decode(Path at, byte[] buf, int length) throws IOException {
        try {
            return ReparseData.decode(buf, length);
        } catch (IllegalArgumentException e) {
            throw new IOException("the reparse point at " + at + " is malformed: " + e.getMessage(), e);
        }
    }

    private static void removeQuietly(String at) {
        try {
            WindowsNative.removeDirectory(at);
        } catch (IOException e) {
            // the directory was made empty by this call; if it cannot go, the caller's error says more
        }
    }

    static String win32(Path p) {
        return WindowsPaths.forWin32(p.toAbsolutePath().toString());
    }
}
