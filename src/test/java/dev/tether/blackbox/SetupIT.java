package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setup} and {@code unlink} as a script sees them: the plan, dry runs, idempotence and the JSON document. */
class SetupIT {
    private static final List<String> ITEM_FIELDS = List.of("name", "kind", "action", "source", "target", "result");
    private static final Set<String> GENERATED = Set.of("history.jsonl", "projects", "file-history", "tasks");

    @TempDir
    Path tmp;

    private Sandbox s;

    @BeforeEach
    void home() throws IOException {
        s = Sandbox.create(tmp);
    }

    private static Map<String, JsonNode> itemsByName(JsonNode doc) {
        assertTrue(doc.path("items").isArray(), () -> "no items array in " + doc);
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode item : doc.path("items")) {
            for (String field : ITEM_FIELDS) {
                assertTrue(item.has(field), () -> "item without '" + field + "': " + item);
            }
            out.put(item.path("name").asText(), item);
        }
        return out;
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws IOException {
        Map<String, String> before = s.manifest();
        Tether.Result r = s.run("setup", "--sync-root", s.drive.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(before, s.manifest(), () -> "--dry-run changed the home:\n" + r);
        for (String item : GENERATED) {
            assertTrue(r.stdout().lines().anyMatch(l -> l.contains("move") && l.contains(item)), () -> item + " not planned:\n" + r);
        }
        assertTrue(r.stdout().lines().anyMatch(l -> l.contains("absent") && l.contains(".archive")), r::toString);
        assertTrue(r.stdout().contains("nothing was changed"), r::toString);
    }

    @Test
    void dryRunUnderJsonListsThePlannedItemsAndChangesNothing() throws IOException {
        Map<String, String> before = s.manifest();
        Tether.Result r = s.run("--json", "setup", "--sync-root", s.drive.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(before, s.manifest());
        JsonNode doc = Sandbox.onlyJson(r);
        assertEquals("setup", doc.path("command").asText());
        assertTrue(doc.path("dryRun").asBoolean(), r::toString);
        Map<String, JsonNode> items = itemsByName(doc);
        assertEquals(Set.of("history.jsonl", "projects", "file-history", ".archive", ".planning", "tasks"), items.keySet());
        for (String name : GENERATED) {
            assertEquals("move", items.get(name).path("action").asText());
            assertEquals("dry-run", items.get(name).path("result").asText());
        }
        assertEquals("absent", items.get(".archive").path("action").asText());
    }

    @Test
    void dryRunOfAMachineAlreadySetUpChangesNothing() throws IOException {
        s.linked();
        Map<String, String> before = s.manifest();
        Tether.Result r = s.run("setup", "--dry-run");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(before, s.manifest(), () -> "--dry-run changed the home:\n" + r);
    }

    @Test
    void setupUnderJsonReportsEveryItemWithTheContractsFields() throws IOException {
        Tether.Result r = s.setup("--json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode doc = Sandbox.onlyJson(r);
        assertEquals("setup", doc.path("command").asText());
        Path claude = s.claude.toRealPath();
        Path synced = s.drive.toRealPath().resolve(".claude-session-backup");
        Map<String, JsonNode> items = itemsByName(doc);
        for (String name : GENERATED) {
            JsonNode item = items.get(name);
            assertEquals("move", item.path("action").asText(), item::toString);
            assertEquals(name.equals("history.jsonl") ? "file" : "dir", item.path("kind").asText(), item::toString);
            assertEquals(claude.resolve(name).toString(), item.path("source").asText());
            assertEquals(synced.resolve(name).toString(), item.path("target").asText());
            assertFalse(item.path("result").asText().isEmpty(), item::toString);
            assertTrue(Files.isSymbolicLink(s.claude.resolve(name)), name);
            assertEquals(synced.resolve(name), Files.readSymbolicLink(s.claude.resolve(name)));
        }
        assertEquals("absent", items.get(".planning").path("action").asText());
        assertTrue(r.stderr().contains("Plan:"), () -> "the plan for people belongs on stderr under --json:\n" + r);
    }

    @Test
    void setupNeverMovesTheCredentials() throws IOException {
        s.linked();
        assertTrue(Files.isRegularFile(s.claude.resolve(".credentials.json"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(s.synced().resolve(".credentials.json")));
    }

    @Test
    void aSecondSetupReportsEveryItemOkAndChangesNoData() throws IOException {
        s.linked();
        Map<String, String> before = data(s.manifest());
        Tether.Result r = s.setup("--json");
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, JsonNode> items = itemsByName(Sandbox.onlyJson(r));
        assertEquals(GENERATED, items.keySet());
        for (JsonNode item : items.values()) {
            assertEquals("ok", item.path("action").asText(), item::toString);
        }
        assertEquals(before, data(s.manifest()), () -> "the second setup changed data:\n" + r);

        Tether.Result text = s.setup();
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().contains("Nothing to do"), text::toString);
    }

    /**
     * The manifest without tether's own bookkeeping, which every run updates by design: the state file's
     * time stamp and this machine's entry ("when each last ran tether") in the synced folder's registry.
     */
    private Map<String, String> data(Map<String, String> manifest) {
        String state = s.home.relativize(s.stateDir()).toString();
        String registry = s.home.relativize(s.synced().resolve(".tether")).toString();
        Map<String, String> out = new TreeMap<>(manifest);
        out.keySet().removeIf(k -> k.startsWith(state) || k.startsWith(registry));
        return out;
    }

    @Test
    void unlinkUnderJsonReportsEveryItemWithTheContractsFields() throws IOException {
        s.linked();
        Tether.Result r = s.run("unlink", "--yes", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode doc = Sandbox.onlyJson(r);
        assertEquals("unlink", doc.path("command").asText());
        Map<String, JsonNode> items = itemsByName(doc);
        assertEquals(GENERATED, items.keySet());
        List<String> notReal = new ArrayList<>();
        for (JsonNode item : items.values()) {
            assertEquals("restore", item.path("action").asText(), item::toString);
            assertEquals("done", item.path("result").asText(), item::toString);
            if (Files.isSymbolicLink(s.claude.resolve(item.path("name").asText()))) {
                notReal.add(item.path("name").asText());
            }
        }
        assertEquals(List.of(), notReal, "still links after unlink");
        assertTrue(Files.isRegularFile(s.synced().resolve("history.jsonl")), "the synced copy stays for other machines");
    }
}
