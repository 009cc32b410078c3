package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify --scan-secrets}: tokens in synced text files are warnings by file and line, masked; only with the flag. */
class SecretsCheckTest {
    @TempDir
    Path root;

    private Path home;
    private Path synced;
    /** Made up for the test: the shape of a GitHub token, never a real one. */
    private final String token = "ghp_" + random(36);

    private static String random(int n) {
        String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        Random r = new Random(16);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(abc.charAt(r.nextInt(abc.length())));
        }
        return sb.toString();
    }

    @BeforeEach
    void setUp() throws IOException {
        home = Files.createDirectories(root.resolve("home"));
        Path claude = Files.createDirectories(home.resolve(".claude"));
        Path session = Files.createDirectories(claude.resolve("projects/-home-me-app")).resolve("s1.jsonl");
        Files.writeString(session, "{\"type\":\"user\",\"message\":{\"content\":\"hello\"}}\n"
                + "{\"type\":\"user\",\"message\":{\"content\":\"push with GH_TOKEN=x\\n" + token + "\"}}\n");
        Files.writeString(claude.resolve("history.jsonl"), "{\"display\":\"hello\",\"timestamp\":1}\n");
        Path syncRoot = Files.createDirectories(root.resolve("Sync Root"));
        Tether.Result setup = InProcess.run(home, "setup", "--sync-root", syncRoot.toString(), "--item", "projects",
                "--item", "history.jsonl", "--yes");
        assertEquals(0, setup.exitCode(), setup.toString());
        synced = syncRoot.resolve(".claude-session-backup");
    }

    private static List<JsonNode> secrets(Tether.Result r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().get("findings").forEach(f -> {
            if (f.get("id").asText().equals("secrets")) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void withoutTheFlagNothingIsSearched() {
        Tether.Result r = InProcess.run(home, "verify", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(secrets(r).isEmpty(), r.toString());
    }

    @Test
    void aTokenInASyncedTranscriptIsAWarningByFileAndLineMasked() {
        Tether.Result r = InProcess.run(home, "verify", "--scan-secrets", "--json");
        assertEquals(0, r.exitCode(), r.toString()); // a warning: healthy unless --strict
        List<JsonNode> found = secrets(r);
        assertEquals(1, found.size(), r.toString());
        JsonNode f = found.get(0);
        assertEquals("warn", f.get("status").asText());
        assertEquals("projects", f.get("item").asText());
        assertEquals(synced.resolve("projects/-home-me-app/s1.jsonl").toString(), f.get("path").asText());
        assertEquals("line 2: a GitHub token (ghp_…(40 chars))", f.get("message").asText());
        assertFalse(r.stdout().contains(token) || r.stderr().contains(token), "the token itself was printed");
    }

    @Test
    void strictMakesAFoundTokenUnhealthy() {
        Tether.Result r = InProcess.run(home, "verify", "--scan-secrets", "--strict");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("line 2: a GitHub token (ghp_…(40 chars))"), r.toString());
        assertFalse(r.stdout().contains(token), "the token itself was printed");
    }

    @Test
    void binaryFilesAndLinksOutOfTheFolderAreNotSearched() throws IOException {
        Files.delete(synced.resolve("projects/-home-me-app/s1.jsonl"));
        Files.write(synced.resolve("projects/-home-me-app/blob.bin"),
                ("\0\0\0" + token + "\n").getBytes(StandardCharsets.ISO_8859_1));
        Path outside = Files.writeString(root.resolve("outside.txt"), token + "\n");
        Files.createSymbolicLink(synced.resolve("projects/-home-me-app/link.txt"), outside);
        Tether.Result r = InProcess.run(home, "verify", "--scan-secrets", "--json");
        List<JsonNode> found = secrets(r);
        assertEquals(1, found.size(), r.toString());
        assertEquals("ok", found.get(0).get("status").asText());
        // history.jsonl and this machine's entry in .tether/machines: not the binary file, not the link
        assertTrue(found.get(0).get("message").asText().contains("(2 text file(s) searched)"), found.toString());
    }
}
