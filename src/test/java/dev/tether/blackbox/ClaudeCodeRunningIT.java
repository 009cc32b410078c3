package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the real Claude Code running: setup refuses (exit 3) when it runs in this home, and proceeds when it
 * runs in another one. Skipped when the client is not installed (scripts/e2e/install-claude-code.sh).
 */
@EnabledOnOs(OS.LINUX)
class ClaudeCodeRunningIT {
    private static final List<String> ITEMS = List.of("history.jsonl", "projects", "file-history", "tasks");

    @TempDir
    Path tmp;

    private Sandbox s;

    @BeforeEach
    void home() throws IOException {
        ClaudeCode.executable();
        s = Sandbox.create(tmp);
    }

    @Test
    void setupRefusesWhileAClientRunsInThisHomeAndMovesNothing() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Map<String, String> before = items();
        try (ClaudeCode claude = ClaudeCode.interactive(s.home, project)) {
            Tether.Result r = s.run("setup", "--sync-root", s.drive.toString(), "--yes");
            assertEquals(3, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains("Claude Code is running") && r.stderr().contains("pid " + claude.pid), r::toString);
            assertEquals(before, items(), () -> "an item changed after\n" + r);
            assertFalse(Files.exists(s.synced()), "the synced folder was created");
        }
    }

    @Test
    void setupProceedsWhileAClientRunsInAnotherHome() throws Exception {
        Path otherHome = Files.createDirectories(tmp.resolve("other-home"));
        Path project = Files.createDirectories(tmp.resolve("project"));
        try (ClaudeCode claude = ClaudeCode.interactive(otherHome, project)) {
            Tether.Result r = s.run("setup", "--sync-root", s.drive.toString(), "--yes");
            assertEquals(0, r.exitCode(), r::toString);
            for (String item : ITEMS) {
                assertTrue(Files.isSymbolicLink(s.claude.resolve(item)), () -> item + " is not linked:\n" + r);
            }
            assertTrue(Files.exists(claude.claudeDir.resolve("sessions").resolve(claude.pid + ".json")),
                    "the other home's client ended during the test");
        }
    }

    /** The items setup would move, file by file (the client itself writes elsewhere in the data dir). */
    private Map<String, String> items() throws IOException {
        Map<String, String> out = new TreeMap<>();
        s.manifest().forEach((path, what) -> {
            for (String item : ITEMS) {
                if (path.equals(".claude/" + item) || path.startsWith(".claude/" + item + "/")) {
                    out.put(path, what);
                }
            }
        });
        return out;
    }
}
