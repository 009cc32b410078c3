package dev.tether.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Linux: {@code renameat2} with {@code RENAME_NOREPLACE} and {@code RENAME_EXCHANGE}; {@code statfs} for the file-system type;
 * {@code getdents64} for directory listings with types.
 */
final class LinuxPlatform extends PosixPlatform {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_NOREPLACE = 1;
    private static final int RENAME_EXCHANGE = 2;
    /** Larger than any {@code struct statfs} (120 bytes on 64-bit); only {@code f_type} at offset 0 is read. */
    private static final int STATFS_BUFFER = 256;

    interface Renameat2 extends Library {
        int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);
    }

    interface Statfs extends Library {
        int statfs(String path, byte[] buf);
    }

    private static final class Holder {
        static final LoadedLibrary<Renameat2> RENAME = LoadedLibrary.load("c", Renameat2.class);
    }

    private static final class StatfsHolder {
        static final LoadedLibrary<Statfs> STATFS = LoadedLibrary.load("c", Statfs.class);
    }

    @Override
    public Os os() {
        return Os.LINUX;
    }

    @Override
    public void renameNoReplace(Path from, Path to) throws IOException {
        int errno = renameat2(from, to, RENAME_NOREPLACE);
        if (errno == EINVAL) {
            // The filesystem does not support the flag (some FUSE mounts): fall back to Java's move,
            // which checks for the destination first. The window between check and rename is tiny.
            Files.move(from, to);
            return;
        }
        if (errno != 0) {
            throw renameError(errno, from, to);
        }
    }

    @Override
    public boolean canExchange() {
        return true;
    }

    @Override
    public void exchange(Path a, Path b) throws IOException {
        int errno = renameat2(a, b, RENAME_EXCHANGE);
        if (errno != 0) {
            throw renameError(errno, a, b);
        }
    }

    @Override
    public String filesystemType(Path path) throws IOException {
        byte[] buf = new byte[STATFS_BUFFER];
        int rc;
        try {
            rc = StatfsHolder.STATFS.get("statfs").statfs(path.toAbsolutePath().toString(), buf);
        } catch (UnsatisfiedLinkError e) {
            throw StatfsHolder.STATFS.missing("statfs", e);
        }
        if (rc != 0) {
            int errno = Native.getLastError();
            throw new FileSystemException(path.toString(), null, "statfs failed: " + Libc.describe(errno) + " (errno " + errno + ")");
        }
        return FsTypes.name(FsTypes.fType(buf, Native.LONG_SIZE, ByteOrder.nativeOrder()));
    }

    /** From {@code /proc/self/fd} ({@link ProcTerminal}); {@code isatty} only where {@code /proc} cannot tell. */
    @Override
    public boolean isTerminal(int fd) {
        Boolean known = ProcTerminal.isTerminal(Path.of("/proc/self/fd"), fd);
        return known != null ? known : super.isTerminal(fd);
    }

    /** Types from {@code getdents64}'s {@code d_type} ({@link LinuxDirents}); Java's listing where that cannot serve. */
    @Override
    public DirectoryStream<DirEntry> listDirectory(Path dir) throws IOException {
        DirectoryStream<DirEntry> read = LinuxDirents.list(dir);
        return read != null ? read : super.listDirectory(dir);
    }

    private static int renameat2(Path from, Path to, int flags) throws IOException {
        int rc;
        try {
            rc = Holder.RENAME.get("renameat2").renameat2(AT_FDCWD, from.toAbsolutePath().toString(), AT_FDCWD,
                    to.toAbsolutePath().toString(), flags);
        } catch (UnsatisfiedLinkError e) {
            // glibc before 2.28 (2018) has no wrapper for the system call
            throw Holder.RENAME.missing("renameat2 (glibc 2.28 or later)", e);
        }
        return rc == 0 ? 0 : Native.getLastError();
    }
}
