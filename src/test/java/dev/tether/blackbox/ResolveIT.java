package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged program: a conflict copy appears after setup, verify reports it, resolve merges it, verify is clean. */
class ResolveIT {
    @TempDir
    Path work;

    @Test
    void aHistoryConflictIsReportedThenMergedThenGone() throws IOException {
        Path home = work.resolve("home");
        Path claude = Files.createDirectories(home.resolve(".claude"));
        Files.writeString(claude.resolve("history.jsonl"), "{\"display\":\"a\",\"timestamp\":1}\n{\"display\":\"c\",\"timestamp\":3}\n");
        Path root = Files.createDirectories(work.resolve("Dropbox"));
        Tether tether = new Tether(home);
        Tether.Result setup = tether.run("setup", "--sync-root", root.toString(), "--item", "history.jsonl", "--yes",
                "--allow-running");
        assertEquals(0, setup.exitCode(), setup.toString());
        Path synced = root.resolve(".claude-session-backup");
        Path copy = synced.resolve("history (Other Machine's conflicted copy 2024-01-01).jsonl");
        Files.writeString(copy, "{\"display\":\"a\",\"timestamp\":1}\n{\"display\":\"b\",\"timestamp\":2}\n");

        Tether.Result verify = tether.run("verify", "--strict", "--json");
        assertEquals(1, verify.exitCode(), verify.toString());
        assertTrue(conflictFindings(verify.json()).contains(copy.toString()), verify.toString());

        Tether.Result resolve = tether.run("resolve", "--yes", "--allow-running", "--json");
        assertEquals(0, resolve.exitCode(), resolve.toString());
        assertEquals(3, resolve.json().get("merged").get(0).get("linesAfter").asLong());
        assertEquals(List.of("{\"display\":\"a\",\"timestamp\":1}", "{\"display\":\"b\",\"timestamp\":2}",
                "{\"display\":\"c\",\"timestamp\":3}"), Files.readAllLines(claude.resolve("history.jsonl")));
        assertFalse(Files.exists(copy));

        Tether.Result clean = tether.run("verify", "--strict");
        assertEquals(0, clean.exitCode(), clean.toString());
    }

    private static String conflictFindings(JsonNode verify) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode f : verify.get("findings")) {
            if (f.get("id").asText().equals("conflict") && f.get("status").asText().equals("error")) {
                sb.append(f.get("path").asText()).append('\n');
            }
        }
        return sb.toString();
    }
}
