package dev.tether.testing;

import dev.tether.Main;
import dev.tether.blackbox.Tether;
import dev.tether.cli.Environment;
import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.FreeSpace;
import dev.tether.platform.Platform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Runs tether in this JVM through {@link Main#run}, with {@code HOME} pointed at a sandbox home, an
 * empty stdin that is not a terminal, and no Claude Code process seen. Nothing else of the real
 * environment reaches it.
 */
public final class InProcess {
    private InProcess() {
    }

    public static Tether.Result run(Path home, String... args) {
        return run(home, Map.of(), args);
    }

    public static Tether.Result run(Path home, Map<String, String> extraEnv, String... args) {
        return run(home, extraEnv, FreeSpace.OF_FILE_STORE, args);
    }

    /** As above, with {@code freeSpace} answering how much room a file system has (a test of a really full disk). */
    public static Tether.Result run(Path home, Map<String, String> extraEnv, FreeSpace freeSpace, String... args) {
        return runIn(home, extraEnv, e -> e.withFreeSpace(freeSpace), args);
    }

    /** As above, with the world adjusted by {@code adjust} (a free-space probe, a managed settings file). */
    public static Tether.Result runIn(Path home, Map<String, String> extraEnv, UnaryOperator<Environment> adjust, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("HOME", home.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(FileSystems.getDefault(), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Platform.current(),
                ClaudeProbe.NONE, home.toString());
        environment = adjust.apply(environment);
        int code = Main.run(args, environment);
        return new Tether.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
