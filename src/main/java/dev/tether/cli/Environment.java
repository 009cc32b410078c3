package dev.tether.cli;

import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.Platform;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.util.Map;

/** The process's outside world, injectable so the demo and in-process tests run tether against a sandbox. */
public record Environment(FileSystem fs, Map<String, String> env, PrintStream out, PrintStream err, InputStream in,
        Platform platform, ClaudeProbe claudeProbe, String userHome) {

    public static Environment system() {
        return new Environment(FileSystems.getDefault(), System.getenv(), System.out, System.err, System.in,
                Platform.current(), ClaudeProbe.system(), System.getProperty("user.home"));
    }

    public Environment withEnv(Map<String, String> newEnv) {
        return new Environment(fs, newEnv, out, err, in, platform, claudeProbe, userHome);
    }
}
