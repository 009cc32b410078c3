package dev.tether.platform;

import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The operating-system boundary. Everything that needs a native call goes through here, so the
 * rest of tether is plain Java that runs (and is tested) on any OS.
 */
public interface Platform {

    Os os();

    /**
     * Renames {@code from} to {@code to} in one step and never replaces: when {@code to} exists the
     * call fails with {@link java.nio.file.FileAlreadyExistsException} and nothing changes.
     */
    void renameNoReplace(Path from, Path to) throws IOException;

    /** Whether {@link #exchange} is available (Linux {@code RENAME_EXCHANGE}, macOS {@code RENAME_SWAP}). */
    boolean canExchange();

    /** Swaps two existing paths atomically. */
    void exchange(Path a, Path b) throws IOException;

    /** Creates a link at {@code link} pointing at the absolute {@code target}. */
    void createLink(Path link, Path target) throws IOException;

    /** True when both paths live on the same device, so a rename between them can succeed. */
    boolean sameDevice(Path a, Path b) throws IOException;

    /** True when the file descriptor (0, 1, 2) is a terminal. */
    boolean isTerminal(int fd);

    /**
     * The Windows registry (for finding sync roots); empty elsewhere. Advapi32 loads on first use, only on
     * Windows.
     */
    default RegistryReader registry() {
        return os() == Os.WINDOWS ? new WindowsRegistry() : RegistryReader.NONE;
    }

    /** The platform of the running process. Native libraries load lazily, on first use. */
    static Platform current() {
        return switch (Os.current()) {
            case LINUX -> new LinuxPlatform();
            case MACOS -> new MacPlatform();
            case WINDOWS -> new WindowsPlatform();
        };
    }
}
