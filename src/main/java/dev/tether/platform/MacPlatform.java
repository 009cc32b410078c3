package dev.tether.platform;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Path;

/**
 * macOS: {@code renamex_np} with {@code RENAME_EXCL} and {@code RENAME_SWAP}; {@code lstat}'s
 * {@code st_flags} for dataless File Provider placeholders. Not run on this project's CI: the byte layout
 * is unit-tested on Linux (see {@link MacStat}).
 */
final class MacPlatform extends PosixPlatform {
    private static final int RENAME_SWAP = 0x2;
    private static final int RENAME_EXCL = 0x4;

    interface Renamex extends Library {
        int renamex_np(String from, String to, int flags);
    }

    private static final class Holder {
        static final LoadedLibrary<Renamex> C = LoadedLibrary.load("c", Renamex.class);
    }

    /**
     * {@code lstat} by symbol, not through a {@code Library} interface: on x86_64 its symbol is
     * {@code lstat$INODE64}, which no Java method can be named. A plain {@link Function} also needs no
     * proxy in the native image.
     */
    private static final class LstatHolder {
        static final String SYMBOL = MacStat.lstatSymbol(System.getProperty("os.arch"));
        static final Function LSTAT;
        static final Throwable FAILURE;

        static {
            Function f = null;
            Throwable failure = null;
            try {
                f = com.sun.jna.NativeLibrary.getInstance("c").getFunction(SYMBOL);
            } catch (LinkageError | RuntimeException e) {
                failure = e;
            }
            LSTAT = f;
            FAILURE = failure;
        }
    }

    @Override
    public Os os() {
        return Os.MACOS;
    }

    @Override
    public void renameNoReplace(Path from, Path to) throws IOException {
        call(from, to, RENAME_EXCL);
    }

    @Override
    public boolean canExchange() {
        return true;
    }

    @Override
    public void exchange(Path a, Path b) throws IOException {
        call(a, b, RENAME_SWAP);
    }

    @Override
    public boolean isPlaceholder(Path path) throws IOException {
        return Placeholders.mac(MacStat.flags(lstat(path)));
    }

    /** The raw {@code struct stat} of {@code path}, links not followed. Reads metadata only: never downloads. */
    static byte[] lstat(Path path) throws IOException {
        if (LstatHolder.LSTAT == null) {
            throw new MissingNativeCallException(LstatHolder.SYMBOL, "C library", LstatHolder.FAILURE);
        }
        byte[] buf = new byte[MacStat.SIZE];
        int rc;
        try {
            rc = LstatHolder.LSTAT.invokeInt(new Object[] {path.toAbsolutePath().toString(), buf});
        } catch (UnsatisfiedLinkError e) {
            throw new MissingNativeCallException(LstatHolder.SYMBOL, "C library", e);
        }
        if (rc != 0) {
            int errno = Native.getLastError();
            throw errno == ENOENT ? new java.nio.file.NoSuchFileException(path.toString())
                    : new java.nio.file.FileSystemException(path.toString(), null, "lstat failed: " + Libc.describe(errno));
        }
        return buf;
    }

    private static void call(Path from, Path to, int flags) throws IOException {
        int rc;
        try {
            rc = Holder.C.get("renamex_np").renamex_np(from.toAbsolutePath().toString(), to.toAbsolutePath().toString(), flags);
        } catch (UnsatisfiedLinkError e) {
            throw Holder.C.missing("renamex_np (macOS 10.12 or later)", e);
        }
        if (rc != 0) {
            throw renameError(Native.getLastError(), from, to);
        }
    }
}
