package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit 3, as cli.md says: refused for safety, nothing changed. */
class SafetyRefusalIT {
    @TempDir
    Path tmp;

    private Sandbox s;

    @BeforeEach
    void home() throws IOException {
        s = Sandbox.create(tmp);
    }

    /**
     * A process whose executable is named {@code claude}, as the native installer's Claude Code is invoked: a copy
     * of sleep, with this sandbox as its home (a client of another home would not stop setup).
     */
    private Process fakeClaudeCode() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path claude = Files.copy(Path.of("/bin/sleep"), bin.resolve("claude"), StandardCopyOption.COPY_ATTRIBUTES);
        assertTrue(Files.isExecutable(claude));
        ProcessBuilder pb = new ProcessBuilder(claude.toString(), "60");
        pb.environment().put("HOME", s.home.toString());
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void setupRefusesWhileClaudeCodeRunsAndChangesNothing() throws Exception {
        Map<String, String> before = s.manifest();
        Process claude = fakeClaudeCode();
        try {
            Tether.Result r = s.run("setup", "--sync-root", s.drive.toString(), "--yes");
            assertEquals(3, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains("Claude Code is running") && r.stderr().contains(String.valueOf(claude.pid())), r::toString);
            assertEquals(before, s.manifest(), () -> "the home changed after\n" + r);

            Tether.Result json = s.run("setup", "--sync-root", s.drive.toString(), "--yes", "--json");
            assertEquals(3, json.exitCode(), json::toString);
            JsonNode doc = Sandbox.onlyJson(json);
            assertEquals("setup", doc.path("command").asText());
            assertEquals(3, doc.path("error").path("exitCode").asInt(), json::toString);
            assertEquals(before, s.manifest());
        } finally {
            stop(claude);
        }
    }

    @Test
    void processesThatOnlyNameClaudeCodeDoNotStopSetup() throws Exception {
        // a grep-like command with the package in its arguments, and a Claude Code of another home
        Process decoy = new ProcessBuilder("sh", "-c", "sleep 60; :", "@anthropic-ai/claude-code/cli.js").start();
        ProcessBuilder other = new ProcessBuilder(Files.copy(Path.of("/bin/sleep"),
                Files.createDirectories(tmp.resolve("other-bin")).resolve("claude"), StandardCopyOption.COPY_ATTRIBUTES)
                .toString(), "60");
        other.environment().put("HOME", tmp.resolve("another-home").toString());
        other.environment().remove("CLAUDE_CONFIG_DIR");
        Process otherClaude = other.start();
        try {
            Tether.Result r = s.run("setup", "--sync-root", s.drive.toString(), "--yes");
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(Files.isSymbolicLink(s.claude.resolve("history.jsonl")), r::toString);
        } finally {
            stop(decoy);
            stop(otherClaude);
        }
    }

    @Test
    void allowRunningLetsSetupProceedWhileClaudeCodeRuns() throws Exception {
        Process claude = fakeClaudeCode();
        try {
            Tether.Result r = s.run("setup", "--sync-root", s.drive.toString(), "--yes", "--allow-running");
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(Files.isSymbolicLink(s.claude.resolve("history.jsonl")));
            assertTrue(Files.isSymbolicLink(s.claude.resolve("projects")));
        } finally {
            stop(claude);
        }
    }

    @Test
    void setupWithoutYesRefusesWhenStdinIsNotATerminal() throws IOException {
        Map<String, String> before = s.manifest();
        Tether.Result r = s.run("setup", "--sync-root", s.drive.toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("--yes"), r::toString);
        assertEquals(before, s.manifest(), () -> "the home changed after\n" + r);
    }

    @Test
    void setupWithoutYesDoesNotTakeAnswersFromAPipe() throws IOException {
        Map<String, String> before = s.manifest();
        Tether.Result r = s.runWithInput("y\n", "setup", "--sync-root", s.drive.toString());
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(before, s.manifest());
    }

    @Test
    void unlinkWithoutYesRefusesWhenStdinIsNotATerminal() throws IOException {
        s.linked();
        Map<String, String> before = s.manifest();
        Tether.Result r = s.run("unlink");
        assertEquals(3, r.exitCode(), r::toString);
        assertEquals(before, s.manifest(), () -> "the home changed after\n" + r);
    }
}
