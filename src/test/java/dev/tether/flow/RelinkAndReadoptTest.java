package dev.tether.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.testing.Safety;
import dev.tether.apply.Manifest;
import dev.tether.apply.Trees;
import dev.tether.demo.SampleData;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 3, must-show 4: a moved sync folder is relinked; a replaced link is re-adopted by a merge. */
class RelinkAndReadoptTest {
    private static final List<String> ITEMS = List.of("history.jsonl", "projects", "file-history", "tasks");
    private Path work;
    private Path home;
    private Path claude;
    private Path sync;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("tether-relink-");
        home = work.resolve("home");
        claude = home.resolve(".claude");
        sync = work.resolve("Sync");
        Files.createDirectories(sync);
        SampleData.generate(claude, 7, SampleData.Scale.SMALL);
    }

    @AfterEach
    void clean() throws IOException {
        Trees.deleteIfExists(work);
    }

    @Test
    void aRenamedSyncFolderIsRelinkedWithNothingLost() throws IOException {
        Map<String, Manifest> before = Safety.itemManifests(claude, ITEMS);
        assertEquals(0, InProcess.run(home, "setup", "--sync-root", sync.toString(), "--yes").exitCode());
        Path moved = work.resolve("Sync moved");
        Files.move(sync, moved);

        Tether.Result broken = InProcess.run(home, "--json", "verify");
        assertEquals(1, broken.exitCode());
        assertTrue(broken.stdout().contains("link.dangling"), broken.stdout());

        Tether.Result relink = InProcess.run(home, "--json", "setup", "--sync-root", moved.toString(), "--yes");
        assertEquals(0, relink.exitCode(), relink.toString());
        for (JsonNode item : Json.COMPACT.readTree(relink.stdout()).path("items")) {
            if (ITEMS.contains(item.path("name").asText())) {
                assertEquals("relink", item.path("action").asText(), item.toString());
                assertEquals("done", item.path("result").asText(), item.toString());
            }
        }
        assertEquals(before, Safety.itemManifests(claude, ITEMS));
        assertEquals(moved.resolve(".claude-session-backup/projects").toRealPath(), claude.resolve("projects").toRealPath());
        Tether.Result verify = InProcess.run(home, "verify");
        assertEquals(0, verify.exitCode(), verify.toString());
    }

    @Test
    void aLinkReplacedByRealDataIsMergedAndLinkedAgain() throws Exception {
        assertEquals(0, InProcess.run(home, "setup", "--sync-root", sync.toString(), "--yes").exitCode());
        Path synced = sync.resolve(".claude-session-backup");
        // an app replaces the projects link by a real directory: a copy plus a new session
        Path projects = claude.resolve("projects");
        Files.delete(projects);
        new ProcessBuilder("cp", "-a", synced.resolve("projects").toString(), projects.toString()).inheritIO().start().waitFor();
        Path fresh = projects.resolve("-home-me-code-app").resolve("new-session.jsonl");
        Files.createDirectories(fresh.getParent());
        Files.writeString(fresh, "{\"type\":\"user\",\"timestamp\":\"2031-01-01T00:00:00Z\",\"uuid\":\"n1\"}\n");

        Tether.Result replaced = InProcess.run(home, "--json", "verify");
        assertEquals(1, replaced.exitCode());
        assertTrue(replaced.stdout().contains("link.replaced"), replaced.stdout());

        Tether.Result setup = InProcess.run(home, "--json", "setup", "--yes");
        assertEquals(0, setup.exitCode(), setup.toString());
        assertTrue(setup.stdout().contains("\"merge\""), setup.stdout());
        assertTrue(Files.isSymbolicLink(projects), "linked again");
        assertEquals("{\"type\":\"user\",\"timestamp\":\"2031-01-01T00:00:00Z\",\"uuid\":\"n1\"}\n",
                Files.readString(synced.resolve("projects/-home-me-code-app/new-session.jsonl")), "the new session moved in");
        assertEquals(0, InProcess.run(home, "verify").exitCode());
    }

    @Test
    void aDanglingLinkWithoutSyncedDataIsRefused() throws IOException {
        assertEquals(0, InProcess.run(home, "setup", "--sync-root", sync.toString(), "--item", "projects", "--yes").exitCode());
        Trees.deleteIfExists(sync.resolve(".claude-session-backup/projects"));
        Tether.Result setup = InProcess.run(home, "setup", "--yes");
        assertEquals(2, setup.exitCode(), setup.toString());
        assertTrue(Files.isSymbolicLink(claude.resolve("projects")), "the link is left as it was");
    }
}
