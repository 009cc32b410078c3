package dev.tether.plan;

import dev.tether.layout.Os;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A platform for Jimfs tests: plain NIO links and renames, and a device answer the test chooses. */
final class FakePlatform implements Platform {
    private final Os os;
    private final boolean sameDevice;

    FakePlatform(Os os, boolean sameDevice) {
        this.os = os;
        this.sameDevice = sameDevice;
    }

    @Override
    public Os os() {
        return os;
    }

    @Override
    public void renameNoReplace(Path from, Path to) throws IOException {
        Files.move(from, to);
    }

    @Override
    public boolean canExchange() {
        return false;
    }

    @Override
    public void exchange(Path a, Path b) {
        throw new UnsupportedOperationException("no exchange in tests");
    }

    @Override
    public void createLink(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
    }

    @Override
    public boolean sameDevice(Path a, Path b) {
        return sameDevice;
    }

    @Override
    public boolean isTerminal(int fd) {
        return false;
    }
}
