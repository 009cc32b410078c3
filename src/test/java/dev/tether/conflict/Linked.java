package dev.tether.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tether.Main;
import dev.tether.cli.Environment;
import dev.tether.platform.ClaudeProcesses;
import dev.tether.platform.Platform;
import dev.tether.state.State;
import dev.tether.state.StateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A machine that is set up, in a temp dir: a Claude data dir whose items are links into a synced
 * folder, and the state file that records them. Runs tether in-process against it.
 */
final class Linked {
    static final String HOST = "testhost";

    /** What one run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document:\n" + this, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    final Path home;
    final Path claude;
    final Path syncRoot;
    final Path synced;
    final Path stateDir;
    List<ClaudeProcesses.Seen> running = List.of();

    Linked(Path root, String... items) throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        claude = Files.createDirectories(home.resolve(".claude"));
        syncRoot = Files.createDirectories(root.resolve("Sync Root"));
        synced = Files.createDirectories(syncRoot.resolve(".claude-session-backup"));
        stateDir = root.resolve("state");
        List<State.LinkedItem> linked = new ArrayList<>();
        for (String item : items) {
            Path target = synced.resolve(item);
            boolean file = item.contains(".");
            if (file) {
                Files.writeString(target, "");
            } else {
                Files.createDirectories(target);
            }
            Files.createSymbolicLink(claude.resolve(item), target);
            linked.add(new State.LinkedItem(item, file ? "file" : "dir", target.toString(), Instant.now().toString()));
        }
        new StateStore(stateDir).save(new State(1, syncRoot.toString(), ".claude-session-backup", synced.toString(),
                claude.toString(), linked, List.of(items), Instant.now().toString()));
        // as setup leaves it: Claude Code's retention sweep kept from deleting through the links
        Files.writeString(claude.resolve("settings.json"), "{\n  \"cleanupPeriodDays\": 36500\n}\n");
    }

    Path write(String relative, String... lines) throws IOException {
        Path p = synced.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
        return p;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", home.toString(), "TETHER_STATE_DIR", stateDir.toString(), "HOSTNAME", HOST);
        Environment environment = new Environment(FileSystems.getDefault(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Platform.current(),
                claudeDir -> running, home.toString());
        int code = Main.run(args, environment);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Every file under {@code dir} with its bytes, to show that a run changed nothing. */
    static Map<String, String> snapshot(Path dir) {
        Map<String, String> out = new TreeMap<>();
        if (!Files.exists(dir)) {
            return out;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.forEach(p -> {
                try {
                    out.put(dir.relativize(p).toString(), Files.isSymbolicLink(p) ? "link:" + Files.readSymbolicLink(p)
                            : Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "dir");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
