package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}'s {@code conflict} check: one finding per copy with its provider; warn, error with --strict. */
class ConflictCheckTest {
    @TempDir
    Path root;

    private Linked m;

    @BeforeEach
    void setUp() throws IOException {
        m = new Linked(root, "history.jsonl", "projects", "file-history");
        m.write("history.jsonl", "{\"timestamp\":1}");
    }

    private static List<JsonNode> conflicts(Linked.Result r) {
        List<JsonNode> out = new ArrayList<>();
        r.json().get("findings").forEach(f -> {
            if (f.get("id").asText().equals("conflict")) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void noCopiesIsOneOkFinding() {
        Linked.Result r = m.run("verify", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> found = conflicts(r);
        assertEquals(1, found.size());
        assertEquals("ok", found.get(0).get("status").asText());
    }

    @Test
    void eachCopyIsAWarningNamingItsProvider() throws IOException {
        Path syncthing = m.write("history.sync-conflict-20240101-120000-ABCDEF7.jsonl", "{\"timestamp\":2}");
        m.write("file-history/x/a.txt", "mine");
        Path md = m.write("file-history/x/a (# Name clash 2024-08-23 a1b2c3C #).txt", "theirs");
        Linked.Result r = m.run("verify", "--json");
        assertEquals(0, r.exitCode(), r.toString()); // warnings only
        List<JsonNode> found = conflicts(r);
        assertEquals(2, found.size(), r.toString());
        JsonNode jsonl = found.stream().filter(f -> f.get("path").asText().equals(syncthing.toString())).findFirst().orElseThrow();
        assertEquals("warn", jsonl.get("status").asText());
        assertEquals("history.jsonl", jsonl.get("item").asText());
        assertTrue(jsonl.get("message").asText().contains("Syncthing"), jsonl.toString());
        assertEquals("tether resolve", jsonl.get("hint").asText());
        JsonNode other = found.stream().filter(f -> f.get("path").asText().equals(md.toString())).findFirst().orElseThrow();
        assertEquals("file-history", other.get("item").asText());
        assertTrue(other.get("message").asText().contains("Proton Drive"), other.toString());
        assertTrue(!other.get("hint").asText().contains("tether resolve"), other.toString());
    }

    @Test
    void strictMakesEachCopyAnErrorAndTheExitOne() throws IOException {
        m.write("history (conflicted copy 2024-01-01 120000).jsonl", "{\"timestamp\":2}");
        Linked.Result r = m.run("verify", "--strict", "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("error", conflicts(r).get(0).get("status").asText());
    }

    @Test
    void oneDriveCopiesCountForThisMachinesNameOnly() throws IOException {
        m.write("projects/k/notes.md", "x");
        m.write("projects/k/notes-" + Linked.HOST + ".md", "y");
        m.write("projects/k/notes-MYPC.md", "z");
        List<JsonNode> found = conflicts(m.run("verify", "--json"));
        assertEquals(1, found.size());
        assertTrue(found.get(0).get("path").asText().endsWith("notes-" + Linked.HOST + ".md"));
        assertTrue(found.get(0).get("message").asText().contains("OneDrive"));
    }

    @Test
    void oneDriveCopiesCountForARegisteredMachine() throws IOException {
        m.write(".tether/machines/0000-other.json", "{\"schema\":1,\"machineId\":\"0000-other\",\"hostname\":\"MYPC\",\"os\":\"windows\","
                + "\"tetherVersion\":\"0.1.0\",\"lastRun\":\"2024-01-01T00:00:00Z\",\"lastCommand\":\"setup\",\"items\":[]}");
        m.write("projects/k/notes.md", "x");
        m.write("projects/k/notes-MYPC.md", "z");
        List<JsonNode> found = conflicts(m.run("verify", "--json"));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).get("path").asText().endsWith("notes-MYPC.md"));
    }

    @Test
    void theTextReportListsEachCopyWithItsProvider() throws IOException {
        m.write("history (Jane's conflicted copy 2024-01-01).jsonl", "{\"timestamp\":2}");
        Linked.Result r = m.run("verify");
        assertTrue(r.stdout().contains("conflict") && r.stdout().contains("Dropbox") && r.stdout().contains("fix: tether resolve"),
                r.stdout());
    }
}
