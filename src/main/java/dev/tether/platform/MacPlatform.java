package dev.tether.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Path;

/** macOS: {@code renamex_np} with {@code RENAME_EXCL} and {@code RENAME_SWAP}. Not run on this project's CI. */
final class MacPlatform extends PosixPlatform {
    private static final int RENAME_SWAP = 0x2;
    private static final int RENAME_EXCL = 0x4;

    interface Renamex extends Library {
        int renamex_np(String from, String to, int flags);
    }

    private static final class Holder {
        static final Renamex C = Native.load("c", Renamex.class);
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

    private static void call(Path from, Path to, int flags) throws IOException {
        if (Holder.C.renamex_np(from.toAbsolutePath().toString(), to.toAbsolutePath().toString(), flags) != 0) {
            throw renameError(Native.getLastError(), from, to);
        }
    }
}
