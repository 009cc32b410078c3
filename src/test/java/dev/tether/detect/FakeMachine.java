package dev.tether.detect;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Os;
import dev.tether.platform.RegistryReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A fake machine for detection tests: a Jimfs file system with the OS's path rules, a home with a
 * Claude data dir, an environment and a registry, all in memory.
 */
final class FakeMachine {
    final FileSystem fs;
    final Os os;
    final Path home;
    final Map<String, String> env = new HashMap<>();
    final MapRegistry registry = new MapRegistry();

    private FakeMachine(FileSystem fs, Os os, String home) {
        this.fs = fs;
        this.os = os;
        this.home = fs.getPath(home);
        dir(home + (os == Os.WINDOWS ? "\\.claude" : "/.claude"));
    }

    static FakeMachine linux() {
        return new FakeMachine(Jimfs.newFileSystem(Configuration.unix()), Os.LINUX, "/home/me");
    }

    static FakeMachine mac() {
        return new FakeMachine(Jimfs.newFileSystem(Configuration.osX()), Os.MACOS, "/Users/me");
    }

    /** A Windows machine with drives C: and D:, and the {@code extraDrives} (such as "G:\\"). */
    static FakeMachine windows(String... extraDrives) {
        List<String> drives = new ArrayList<>(List.of("D:\\"));
        drives.addAll(List.of(extraDrives));
        FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setRoots("C:\\", drives.toArray(new String[0]))
                .setWorkingDirectory("C:\\Users\\me").build());
        return new FakeMachine(fs, Os.WINDOWS, "C:\\Users\\me");
    }

    static FakeMachine of(Os os) {
        return switch (os) {
            case LINUX -> linux();
            case MACOS -> mac();
            case WINDOWS -> windows();
        };
    }

    FakeMachine env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** A path: absolute as given, or relative to the home. */
    Path path(String path) {
        Path p = fs.getPath(path);
        return p.isAbsolute() ? p : home.resolve(path);
    }

    Path dir(String path) {
        try {
            return Files.createDirectories(path(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Path file(String path, byte[] content) {
        try {
            Path p = path(path);
            Files.createDirectories(p.getParent());
            return Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DetectContext ctx() {
        return new DetectContext(fs, env, os, registry, home, home.resolve(".claude"));
    }

    Detection detect() {
        return Detection.scan(ctx());
    }

    List<SyncRoot> detect(Provider provider) {
        return detect().of(provider);
    }

    /** The paths one provider's roots, as strings. */
    List<String> paths(Provider provider) {
        return detect(provider).stream().map(r -> r.path().toString()).toList();
    }

    /** A registry held in maps: keys are "HIVE\\path" in any case. */
    static final class MapRegistry implements RegistryReader {
        private final Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        private String sid;

        MapRegistry value(Hive hive, String key, String name, String value) {
            String existing = keys.keySet().stream().filter(k -> k.equalsIgnoreCase(name(hive, key))).findFirst()
                    .orElse(name(hive, key));
            keys.computeIfAbsent(existing, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        MapRegistry sid(String sid) {
            this.sid = sid;
            return this;
        }

        @Override
        public List<String> subkeys(Hive hive, String key) {
            String prefix = name(hive, key) + "\\";
            List<String> subkeys = new ArrayList<>();
            for (String k : keys.keySet()) {
                if (k.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    String child = k.substring(prefix.length()).split("\\\\")[0];
                    if (subkeys.stream().noneMatch(child::equalsIgnoreCase)) {
                        subkeys.add(child);
                    }
                }
            }
            return subkeys;
        }

        @Override
        public Map<String, String> values(Hive hive, String key) {
            return keys.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name(hive, key))).findFirst()
                    .map(Map.Entry::getValue).orElse(Map.of());
        }

        @Override
        public Optional<String> userSid() {
            return Optional.ofNullable(sid);
        }

        private static String name(Hive hive, String key) {
            return hive + "\\" + key;
        }
    }
}
