package dev.tether.cli;

import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.FreeSpace;
import dev.tether.platform.Platform;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's outside world, injectable so the demo and in-process tests run tether against a sandbox.
 * {@code managedSettings}: Claude Code's managed settings file, or null for where the OS keeps it.
 */
public record Environment(FileSystem fs, Map<String, String> env, PrintStream out, PrintStream err, InputStream in,
        Platform platform, ClaudeProbe claudeProbe, String userHome, FreeSpace freeSpace,
        Path managedSettings) {

    public Environment(FileSystem fs, Map<String, String> env, PrintStream out, PrintStream err, InputStream in,
            Platform platform, ClaudeProbe claudeProbe, String userHome) {
        this(fs, env, out, err, in, platform, claudeProbe, userHome, FreeSpace.OF_FILE_STORE, null);
    }

    public static Environment system() {
        return new Environment(FileSystems.getDefault(), System.getenv(), System.out, System.err, System.in,
                Platform.current(), ClaudeProbe.system(), System.getProperty("user.home"));
    }

    public Environment withEnv(Map<String, String> newEnv) {
        return new Environment(fs, newEnv, out, err, in, platform, claudeProbe, userHome, freeSpace, managedSettings);
    }

    /** The same world with another answer to "how much space is free" (in-process tests of a really full disk). */
    public Environment withFreeSpace(FreeSpace probe) {
        return new Environment(fs, env, out, err, in, platform, claudeProbe, userHome, probe, managedSettings);
    }

    /** The same world with Claude Code's managed settings at {@code path} (in-process tests of a managed value). */
    public Environment withManagedSettings(Path path) {
        return new Environment(fs, env, out, err, in, platform, claudeProbe, userHome, freeSpace, path);
    }
}
