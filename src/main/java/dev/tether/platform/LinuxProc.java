package dev.tether.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Linux's {@code /proc}, read for the Claude Code probe: argv with {@code argv[0]} (Java's
 * {@code ProcessHandle} leaves it out, and the native installer's client is known by it), the start
 * time in the form Claude Code records, and the environment variables that choose its data dir. The
 * byte layouts are parsed by pure functions.
 */
final class LinuxProc {
    /** The variables that decide Claude Code's data dir; nothing else of another process's environment is kept. */
    static final Set<String> DATA_DIR_VARIABLES = Set.of("HOME", "CLAUDE_CONFIG_DIR");

    private final Path proc;

    LinuxProc(Path proc) {
        this.proc = proc;
    }

    /** One process; {@code fallbackExecutable} when its {@code exe} link cannot be read (another user's process). */
    ProcessRow row(long pid, boolean mine, String fallbackExecutable) {
        Path dir = proc.resolve(Long.toString(pid));
        String exe = readLink(dir.resolve("exe")).orElse(fallbackExecutable);
        List<String> argv = read(dir.resolve("cmdline")).map(LinuxProc::argv).orElse(List.of());
        if (ClaudeLayout.of(exe, argv).isEmpty()) {
            return new ProcessRow(pid, mine, exe, argv, Optional.empty(), Optional.empty());
        }
        Optional<String> start = read(dir.resolve("stat")).flatMap(b -> startTime(new String(b, StandardCharsets.UTF_8)));
        Optional<Map<String, String>> env = read(dir.resolve("environ")).map(LinuxProc::environ);
        return new ProcessRow(pid, mine, exe, argv, start, env);
    }

    /** Where this process's pids are valid, as Claude Code writes it: {@code linux:<machine-id>:pid:[<inode>]}. */
    Optional<String> pidDomain(Path root) {
        Optional<String> machineId = read(root.resolve("etc/machine-id"))
                .or(() -> read(root.resolve("var/lib/dbus/machine-id")))
                .map(b -> new String(b, StandardCharsets.US_ASCII).strip()).filter(s -> !s.isEmpty());
        Optional<String> namespace = readLink(proc.resolve("self").resolve("ns").resolve("pid"));
        if (machineId.isEmpty() || namespace.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("linux:" + machineId.get() + ":" + namespace.get());
    }

    /** {@code /proc/<pid>/cmdline}: the arguments, each ended by a NUL. */
    static List<String> argv(byte[] cmdline) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= cmdline.length; i++) {
            if (i == cmdline.length || cmdline[i] == 0) {
                if (i > start || i < cmdline.length) {
                    out.add(new String(cmdline, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** {@code /proc/<pid>/environ}: {@code NAME=value} entries ended by NULs; only the data dir's variables are kept. */
    static Map<String, String> environ(byte[] environ) {
        Map<String, String> out = new HashMap<>();
        for (String entry : argv(environ)) {
            int eq = entry.indexOf('=');
            if (eq > 0 && DATA_DIR_VARIABLES.contains(entry.substring(0, eq))) {
                out.put(entry.substring(0, eq), entry.substring(eq + 1));
            }
        }
        return out;
    }

    /**
     * Field 22 of {@code /proc/<pid>/stat}, the start in clock ticks after boot. The second field, the
     * command name in parentheses, may itself hold spaces and parentheses, so fields are counted after the last ')'.
     */
    static Optional<String> startTime(String stat) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] rest = stat.substring(close + 1).trim().split("\\s+");
        // rest[0] is field 3 (state), so field 22 is rest[19]
        return rest.length > 19 && rest[19].chars().allMatch(Character::isDigit) ? Optional.of(rest[19]) : Optional.empty();
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (IOException | SecurityException e) {
            return Optional.empty(); // the process ended, or it is not ours to read
        }
    }

    private static Optional<String> readLink(Path link) {
        try {
            return Optional.of(Files.readSymbolicLink(link).toString());
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
