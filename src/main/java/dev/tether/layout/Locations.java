package dev.tether.layout;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where things are on this machine: the home, the Claude data dir and tether's state dir, resolved
 * from the environment as {@code docs/cli.md} describes. A pure function of its inputs.
 */
public record Locations(Path home, Path claudeDir, Path stateDir) {

    /**
     * @param claudeDirOption {@code --claude-dir}, or null
     * @param stateDirOption {@code --state-dir}, or null
     * @param userHome Java's {@code user.home}, the last resort for the home
     */
    public static Locations resolve(FileSystem fs, Map<String, String> env, Os os, String claudeDirOption,
            String stateDirOption, String userHome) {
        Path home = fs.getPath(firstSet(env.get(os == Os.WINDOWS ? "USERPROFILE" : "HOME"), env.get("HOME"), userHome))
                .toAbsolutePath().normalize();
        Path claude = claudeDirOption != null && !claudeDirOption.isEmpty()
                ? fs.getPath(claudeDirOption)
                : set(env.get("CLAUDE_CONFIG_DIR")) ? fs.getPath(env.get("CLAUDE_CONFIG_DIR")) : home.resolve(".claude");
        Path state = stateDirOption != null && !stateDirOption.isEmpty() ? fs.getPath(stateDirOption) : defaultStateDir(fs, env, os, home);
        return new Locations(home, claude.toAbsolutePath().normalize(), state.toAbsolutePath().normalize());
    }

    private static Path defaultStateDir(FileSystem fs, Map<String, String> env, Os os, Path home) {
        if (set(env.get("TETHER_STATE_DIR"))) {
            return fs.getPath(env.get("TETHER_STATE_DIR"));
        }
        return switch (os) {
            case LINUX -> set(env.get("XDG_STATE_HOME"))
                    ? fs.getPath(env.get("XDG_STATE_HOME"), "tether")
                    : home.resolve(".local").resolve("state").resolve("tether");
            case MACOS -> home.resolve("Library").resolve("Application Support").resolve("tether");
            case WINDOWS -> set(env.get("LOCALAPPDATA"))
                    ? fs.getPath(env.get("LOCALAPPDATA"), "tether")
                    : home.resolve("AppData").resolve("Local").resolve("tether");
        };
    }

    /** Claude Code's managed settings file on {@code os}; its values win over the user's {@code settings.json}. */
    public static Path managedSettings(FileSystem fs, Os os) {
        return switch (os) {
            case LINUX -> fs.getPath("/etc/claude-code/managed-settings.json");
            case MACOS -> fs.getPath("/Library/Application Support/ClaudeCode/managed-settings.json");
            case WINDOWS -> fs.getPath("C:\\Program Files\\ClaudeCode\\managed-settings.json");
        };
    }

    /**
     * Where the archive goes when neither {@code --archive}, {@code $TETHER_ARCHIVE_DIR} nor an earlier run
     * named it: the OS's place for a user's data. Linux {@code $XDG_DATA_HOME/tether/archive} or
     * {@code ~/.local/share/tether/archive}; macOS {@code ~/Library/Application Support/tether/archive};
     * Windows {@code %LOCALAPPDATA%\tether\archive}.
     */
    public Path defaultArchive(Map<String, String> env, Os os) {
        FileSystem fs = home.getFileSystem();
        return switch (os) {
            case LINUX -> set(env.get("XDG_DATA_HOME"))
                    ? fs.getPath(env.get("XDG_DATA_HOME"), "tether", "archive")
                    : home.resolve(".local").resolve("share").resolve("tether").resolve("archive");
            case MACOS -> home.resolve("Library").resolve("Application Support").resolve("tether").resolve("archive");
            case WINDOWS -> set(env.get("LOCALAPPDATA"))
                    ? fs.getPath(env.get("LOCALAPPDATA"), "tether", "archive")
                    : home.resolve("AppData").resolve("Local").resolve("tether").resolve("archive");
        };
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (set(v)) {
                return v;
            }
        }
        throw new IllegalStateException("no home directory: set HOME");
    }

    /** An empty variable counts as unset. */
    static boolean set(String value) {
        return value != null && !value.isEmpty();
    }
}
