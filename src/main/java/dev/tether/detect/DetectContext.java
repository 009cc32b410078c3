package dev.tether.detect;

import dev.tether.Context;
import dev.tether.layout.Os;
import dev.tether.platform.RegistryReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything detection reads: a file system, the environment, the OS, the registry, the home and the
 * Claude data dir. Detection is a pure function of these, so every OS is tested on Jimfs.
 */
public final class DetectContext {
    private static final Pattern WINDOWS_VARIABLE = Pattern.compile("%([^%]+)%");

    private final FileSystem fs;
    private final Map<String, String> env;
    private final Os os;
    private final RegistryReader registry;
    private final Path home;
    private final Path claudeDir;
    private List<CloudFilesRoots.Entry> cloudFilesRoots;

    public DetectContext(FileSystem fs, Map<String, String> env, Os os, RegistryReader registry, Path home, Path claudeDir) {
        this.fs = fs;
        this.env = env;
        this.os = os;
        this.registry = registry;
        this.home = home;
        this.claudeDir = claudeDir;
    }

    public static DetectContext of(Context ctx) {
        return new DetectContext(ctx.fs(), ctx.env(), ctx.os(), ctx.platform().registry(), ctx.locations().home(),
                ctx.locations().claudeDir());
    }

    Os os() {
        return os;
    }

    RegistryReader registry() {
        return registry;
    }

    Path home() {
        return home;
    }

    Path claudeDir() {
        return claudeDir;
    }

    /** A variable's value; an empty one counts as unset. Windows names are case-insensitive. */
    Optional<String> env(String name) {
        String value = env.get(name);
        if (value == null && os == Os.WINDOWS) {
            value = env.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** {@code $XDG_CONFIG_HOME}, else {@code ~/.config}. */
    Path configHome() {
        return env("XDG_CONFIG_HOME").flatMap(this::path).orElse(home.resolve(".config"));
    }

    /** {@code $XDG_STATE_HOME}, else {@code ~/.local/state}. */
    Path stateHome() {
        return env("XDG_STATE_HOME").flatMap(this::path).orElse(home.resolve(".local").resolve("state"));
    }

    /** {@code %APPDATA%}, else {@code <home>\AppData\Roaming}. */
    Path appData() {
        return env("APPDATA").flatMap(this::path).orElse(home.resolve("AppData").resolve("Roaming"));
    }

    /** {@code %LOCALAPPDATA%}, else {@code <home>\AppData\Local}. */
    Path localAppData() {
        return env("LOCALAPPDATA").flatMap(this::path).orElse(home.resolve("AppData").resolve("Local"));
    }

    /** macOS's File Provider folder, where Dropbox, OneDrive, Google Drive and Proton Drive keep their roots. */
    Path cloudStorage() {
        return home.resolve("Library").resolve("CloudStorage");
    }

    /**
     * A path as a client wrote it: {@code ~} is the home, {@code %VAR%} is expanded on Windows, the long-path
     * prefix {@code \\?\} is dropped. Empty unless the result is an absolute path.
     */
    Optional<Path> path(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (os == Os.WINDOWS) {
            text = expandWindowsVariables(text);
            if (text.startsWith("\\\\?\\")) {
                text = text.substring(4);
            }
        }
        try {
            Path path;
            if (text.equals("~")) {
                path = home;
            } else if (text.startsWith("~/") || (os == Os.WINDOWS && text.startsWith("~\\"))) {
                path = home.resolve(text.substring(2));
            } else {
                path = fs.getPath(text);
            }
            return path.isAbsolute() ? Optional.of(path.normalize()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private String expandWindowsVariables(String text) {
        Matcher m = WINDOWS_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(env(m.group(1)).orElse(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The directories directly inside {@code dir} whose names start with {@code prefix}, by name. */
    List<Path> childDirs(Path dir, String prefix) {
        List<Path> dirs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return dirs;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                if (child.getFileName().toString().startsWith(prefix) && Files.isDirectory(child)) {
                    dirs.add(child);
                }
            }
        } catch (IOException | RuntimeException e) {
            return dirs;
        }
        dirs.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return dirs;
    }

    /** The roots of the file system: on Windows, the drive letters. */
    List<Path> fileSystemRoots() {
        List<Path> roots = new ArrayList<>();
        fs.getRootDirectories().forEach(roots::add);
        return roots;
    }

    /** The Windows Cloud Files roots of this user (read once). */
    List<CloudFilesRoots.Entry> cloudFilesRoots() {
        if (cloudFilesRoots == null) {
            cloudFilesRoots = os == Os.WINDOWS ? CloudFilesRoots.read(this) : List.of();
        }
        return cloudFilesRoots;
    }
}
