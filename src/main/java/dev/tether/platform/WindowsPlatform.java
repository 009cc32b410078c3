package dev.tether.platform;

import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Windows: not supported yet. Junctions, {@code MoveFileExW} and symlink rights come with their own
 * issue; until then every writing call says so plainly instead of doing something half-safe.
 */
final class WindowsPlatform implements Platform {
    private static IOException unsupported() {
        return new IOException("tether cannot change files on Windows yet (junctions and MoveFileExW are not built);"
                + " nothing was changed");
    }

    @Override
    public Os os() {
        return Os.WINDOWS;
    }

    @Override
    public void renameNoReplace(Path from, Path to) throws IOException {
        throw unsupported();
    }

    @Override
    public boolean canExchange() {
        return false;
    }

    @Override
    public void exchange(Path a, Path b) throws IOException {
        throw unsupported();
    }

    @Override
    public void createLink(Path link, Path target) throws IOException {
        throw unsupported();
    }

    @Override
    public boolean sameDevice(Path a, Path b) throws IOException {
        return Files.getFileStore(a).equals(Files.getFileStore(b));
    }

    @Override
    public boolean isTerminal(int fd) {
        return System.console() != null;
    }
}
