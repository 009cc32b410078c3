package dev.tether.blackbox;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Claude Code, as {@code scripts/e2e/install-claude-code.sh} installs it (the version pinned in
 * {@code scripts/e2e/claude-code.version}, in a cache outside the repository), run interactively in a
 * home of a test's choosing. Tests that need it are skipped when it is not installed; {@code .ci/run}
 * installs it first, so CI runs them. Nothing reaches the network: the API is a closed port on 127.0.0.1,
 * and an idle interactive client calls nothing until a prompt is typed.
 */
final class ClaudeCode implements AutoCloseable {
    private static final String KEY = "sk-ant-api03-tether-e2e-not-a-key-000000000000";
    private static final long START_SECONDS = 60;

    private final Process script;
    final long pid;
    final Path claudeDir;

    private ClaudeCode(Process script, long pid, Path claudeDir) {
        this.script = script;
        this.pid = pid;
        this.claudeDir = claudeDir;
    }

    /** The installed client's executable; skips the calling test with the reason when it is not installed. */
    static Path executable() {
        String given = System.getenv("TETHER_E2E_CLAUDE");
        Path bin;
        if (given != null && !given.isBlank()) {
            bin = Path.of(given);
        } else {
            String version;
            try {
                version = Files.readString(Path.of("scripts", "e2e", "claude-code.version")).strip();
            } catch (IOException e) {
                throw new AssertionError("cannot read scripts/e2e/claude-code.version (tests run from the project dir)", e);
            }
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            bin = cache.resolve("tether-e2e").resolve("claude-code-" + version)
                    .resolve("node_modules/@anthropic-ai/claude-code/bin/claude.exe");
        }
        assumeTrue(Files.isExecutable(bin), "the real Claude Code is not installed at " + bin
                + "; scripts/e2e/install-claude-code.sh installs it (.ci/run does)");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) from util-linux for a terminal");
        return bin;
    }

    /**
     * An interactive client with {@code HOME=home}, working in {@code cwd}, on a terminal of its own
     * ({@code script}), and ready: its {@code sessions/<pid>.json} exists.
     */
    static ClaudeCode interactive(Path home, Path cwd) throws IOException, InterruptedException {
        Path bin = executable();
        writeClaudeJson(home, cwd);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-q", "-e", "-c", bin.toString(), "/dev/null");
        pb.directory(cwd.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        // its scratch files (a socket, file-watch probes) go to TMPDIR: beside the home, removed with the test's dir
        Path scratch = Files.createDirectories(home.resolveSibling(home.getFileName() + "-tmp"));
        env.putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString(), "TERM", "xterm-256color",
                "LANG", "C.UTF-8", "TMPDIR", scratch.toString(), "ANTHROPIC_BASE_URL", "http://127.0.0.1:9",
                "ANTHROPIC_API_KEY", KEY, "DISABLE_AUTOUPDATER", "1", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1"));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // stdin stays an open pipe: at end of input script(1) would end the client's terminal
        Process script = pb.start();
        Path claudeDir = home.resolve(".claude");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            for (ProcessHandle p : script.descendants().toList()) {
                if (Files.exists(claudeDir.resolve("sessions").resolve(p.pid() + ".json"))) {
                    return new ClaudeCode(script, p.pid(), claudeDir);
                }
            }
            if (!script.isAlive()) {
                throw new AssertionError("Claude Code ended at start (exit " + script.exitValue() + ")");
            }
            Thread.sleep(100);
        }
        stop(script);
        throw new AssertionError("Claude Code did not write " + claudeDir.resolve("sessions") + "/<pid>.json within "
                + START_SECONDS + " s; there: " + list(claudeDir.resolve("sessions")));
    }

    /** ~/.claude.json that skips the first-run screens: onboarding done, the dummy key approved, cwd trusted. */
    private static void writeClaudeJson(Path home, Path cwd) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc = json.createObjectNode().put("hasCompletedOnboarding", true);
        doc.putObject("customApiKeyResponses").putArray("approved").add(KEY.substring(KEY.length() - 20));
        doc.putObject("projects").putObject(cwd.toString()).put("hasTrustDialogAccepted", true);
        Files.createDirectories(home);
        json.writeValue(home.resolve(".claude.json").toFile(), doc);
    }

    private static List<String> list(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
                s.forEach(p -> out.add(p.getFileName().toString()));
            }
        }
        return out;
    }

    /** Ends the client (it removes its session file) and its terminal, each by its pid. */
    @Override
    public void close() throws InterruptedException {
        stop(script);
    }

    private static void stop(Process script) throws InterruptedException {
        List<ProcessHandle> children = script.descendants().toList();
        for (ProcessHandle p : children) {
            p.destroy();
        }
        for (ProcessHandle p : children) {
            p.onExit().completeOnTimeout(p, 10, TimeUnit.SECONDS).join();
            p.destroyForcibly();
        }
        script.destroy();
        if (!script.waitFor(10, TimeUnit.SECONDS)) {
            script.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
