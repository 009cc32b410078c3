package dev.tether.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Linux: {@code renameat2} with {@code RENAME_NOREPLACE} and {@code RENAME_EXCHANGE}. */
final class LinuxPlatform extends PosixPlatform {
    private static final int AT_FDCWD = -100;
    private static final int RENAME_NOREPLACE = 1;
    private static final int RENAME_EXCHANGE = 2;

    interface Renameat2 extends Library {
        int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags);
    }

    private static final class Holder {
        static final Renameat2 C = load();

        private static Renameat2 load() {
            try {
                return Native.load("c", Renameat2.class);
            } catch (UnsatisfiedLinkError e) {
                throw new UnsupportedOperationException("the C library cannot be loaded for renameat2: " + e.getMessage(), e);
            }
        }
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

    private static int renameat2(Path from, Path to, int flags) {
        int rc = Holder.C.renameat2(AT_FDCWD, from.toAbsolutePath().toString(), AT_FDCWD, to.toAbsolutePath().toString(), flags);
        return rc == 0 ? 0 : Native.getLastError();
    }
}
