package dev.tether.blackbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged tether as a subprocess, the way a user (or a script) runs it. The program is the
 * native binary named by the system property {@code tether.binary} when set, else
 * {@code java -jar ${tether.jar}}. {@code HOME} points at a temp home; the environment is otherwise
 * cleared of tether's own variables so the developer's real home is never touched.
 */
public final class Tether {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
        public JsonNode json() {
            try {
                return JSON.readTree(stdout);
            } catch (IOException e) {
                throw new AssertionError("stdout is not one JSON document: " + e.getMessage() + "\n--- stdout:\n" + stdout
                        + "\n--- stderr:\n" + stderr, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();
    private List<String> prefix = List.of();

    public Tether(Path home) {
        this.home = home;
        env.put("HOME", home.toString());
    }

    /** Adds or overrides an environment variable (e.g. TETHER_CRASH_AT). */
    public Tether env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** Runs the program through another command first, e.g. {@code runuser -u nobody --}. */
    public Tether via(String... command) {
        prefix = List.of(command);
        return this;
    }

    public static List<String> program() {
        String binary = System.getProperty("tether.binary");
        if (binary != null && !binary.isBlank()) {
            return List.of(Path.of(binary).toAbsolutePath().toString());
        }
        String jar = System.getProperty("tether.jar", "target/tether.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-jar", Path.of(jar).toAbsolutePath().toString());
    }

    public static boolean nativeBinary() {
        String binary = System.getProperty("tether.binary");
        return binary != null && !binary.isBlank();
    }

    public Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs with {@code input} on stdin (null: stdin is empty and not a terminal). */
    public Result runWithInput(String input, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(program());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> e = pb.environment();
        for (String unset : List.of("CLAUDE_CONFIG_DIR", "TETHER_STATE_DIR", "XDG_STATE_HOME", "XDG_CONFIG_HOME",
                "TETHER_CRASH_AT", "NO_COLOR")) {
            e.remove(unset);
        }
        e.putAll(env);
        try {
            Path out = Files.createTempFile("tether-out", ".txt");
            Path err = Files.createTempFile("tether-err", ".txt");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            if (input == null) {
                pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            }
            Process p = pb.start();
            if (input != null) {
                try (var in = p.getOutputStream()) {
                    in.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("tether " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return r;
        } catch (IOException e1) {
            throw new AssertionError("cannot run tether: " + e1.getMessage(), e1);
        } catch (InterruptedException e2) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e2);
        }
    }

    public Path home() {
        return home;
    }
}
