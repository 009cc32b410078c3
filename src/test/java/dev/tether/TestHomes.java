package dev.tether;

import dev.tether.apply.Manifest;
import dev.tether.cli.Environment;
import dev.tether.platform.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** In-process tether runs against a temp home, for integration tests on real disks. */
public final class TestHomes {
    private TestHomes() {
    }

    /** What one in-process run printed and how it ended. */
    public record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    /** Runs tether in-process with HOME at {@code home}, no Claude Code running, stdin empty. */
    public static Run run(Path home, Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("HOME", home.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment e = new Environment(FileSystems.getDefault(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Platform.current(),
                List::of, home.toString());
        int code = Main.run(args, e);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    public static Run run(Path home, String... args) {
        return run(home, Map.of(), args);
    }

    /** Each present item's manifest, reached through its link when it is one. */
    public static Map<String, Manifest> items(Path claude, List<String> names) throws IOException {
        Map<String, Manifest> out = new TreeMap<>();
        for (String item : names) {
            Path p = claude.resolve(item);
            if (Files.exists(p)) {
                out.put(item, Manifest.of(p.toRealPath()));
            }
        }
        return out;
    }
}
