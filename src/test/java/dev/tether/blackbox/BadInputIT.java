package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exit 2, as cli.md says: bad input or an unsafe layout is refused and nothing is changed. */
class BadInputIT {
    @TempDir
    Path tmp;

    private Sandbox s;
    private Map<String, String> before;

    @BeforeEach
    void home() throws IOException {
        s = Sandbox.create(tmp);
        before = s.manifest();
    }

    /** Runs tether, expects exit 2 and an untouched home, and returns what it printed. */
    private Tether.Result refusedWithNothingChanged(String... args) throws IOException {
        Tether.Result r = s.run(args);
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals(before, s.manifest(), () -> "the home changed after\n" + r);
        assertTrue(r.stdout().isEmpty() || !r.stderr().isEmpty(), () -> "no message for people on stderr:\n" + r);
        return r;
    }

    private String[] setup(String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--sync-root", s.drive.toString(), "--yes"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest
    @ValueSource(strings = {".credentials.json", "projects/x", "/abs", "settings.local.json", ".mcp.json", "my-SECRET",
        "..", "projects/-home-me-code"})
    void aForbiddenItemIsRefused(String item) throws IOException {
        Tether.Result r = refusedWithNothingChanged(setup("--item", item));
        assertTrue(r.stderr().contains(item), r::toString);
    }

    @Test
    void aForbiddenItemAmongAllowedOnesRefusesTheWholeRun() throws IOException {
        refusedWithNothingChanged(setup("--item", "projects", "--item", ".credentials.json", "--item", "history.jsonl"));
    }

    @Test
    void aForbiddenItemUnderJsonGivesOneDocumentWithTheError() throws IOException {
        Tether.Result r = refusedWithNothingChanged(setup("--item", ".credentials.json", "--json"));
        JsonNode doc = Sandbox.onlyJson(r);
        assertEquals("setup", doc.path("command").asText());
        assertEquals(2, doc.path("error").path("exitCode").asInt(), r::toString);
        assertTrue(doc.path("error").path("message").asText().contains(".credentials.json"), r::toString);
    }

    @Test
    void anUnknownOptionIsRefused() throws IOException {
        Tether.Result r = refusedWithNothingChanged(setup("--bogus"));
        assertTrue(r.stderr().contains("--bogus"), r::toString);
    }

    @Test
    void anUnknownGlobalOptionIsRefused() throws IOException {
        refusedWithNothingChanged("--bogus", "verify");
    }

    @Test
    void anUnknownCommandIsRefused() throws IOException {
        refusedWithNothingChanged("frobnicate");
    }

    @Test
    void anUnknownOptionUnderJsonGivesOneDocument() throws IOException {
        JsonNode doc = Sandbox.onlyJson(refusedWithNothingChanged("--json", "setup", "--bogus"));
        assertEquals("setup", doc.path("command").asText());
        assertEquals(2, doc.path("error").path("exitCode").asInt());
    }

    @Test
    void aSyncRootInsideTheClaudeDirIsRefused() throws IOException {
        Path inside = Files.createDirectories(s.claude.resolve("drive"));
        before = s.manifest();
        Tether.Result r = refusedWithNothingChanged("setup", "--sync-root", inside.toString(), "--yes");
        assertTrue(r.stderr().contains("inside the Claude data dir"), r::toString);
    }

    @Test
    void theClaudeDirAsSyncRootIsRefused() throws IOException {
        refusedWithNothingChanged("setup", "--sync-root", s.claude.toString(), "--yes");
    }

    @Test
    void aSyncRootHoldingTheClaudeDirIsRefused() throws IOException {
        refusedWithNothingChanged("setup", "--sync-root", s.home.toString(), "--yes");
    }

    @Test
    void aMissingSyncRootIsRefused() throws IOException {
        Tether.Result r = refusedWithNothingChanged("setup", "--sync-root", s.home.resolve("No Such Drive").toString(), "--yes");
        assertTrue(r.stderr().contains("does not exist"), r::toString);
    }

    @Test
    void noSyncRootOnAMachineNeverSetUpIsRefused() throws IOException {
        // nothing to detect either: ~/ProtonDrive would be found and used as the single detected root
        Files.delete(s.drive);
        before = s.manifest();
        Tether.Result r = refusedWithNothingChanged("setup", "--yes");
        assertTrue(r.stderr().contains("--sync-root"), r::toString);
    }

    @Test
    void aFolderThatIsNotOneNameIsRefused() throws IOException {
        refusedWithNothingChanged(setup("--folder", "../escape"));
    }

    @Test
    void unlinkOfAnItemTetherNeverLinkedIsRefused() throws IOException {
        refusedWithNothingChanged("unlink", "--item", "projects", "--yes");
    }
}
