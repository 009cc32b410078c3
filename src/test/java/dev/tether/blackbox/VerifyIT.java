package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code verify}: exit 0 when healthy, 1 otherwise, and findings shaped as cli.md says. */
class VerifyIT {
    private static final Set<String> STATUSES = Set.of("ok", "info", "warn", "error");
    private static final List<String> FINDING_FIELDS = List.of("id", "status", "item", "path", "message", "hint");

    @TempDir
    Path tmp;

    private Sandbox s;

    @BeforeEach
    void home() throws IOException {
        s = Sandbox.create(tmp);
    }

    /** Runs {@code verify --json} plus {@code extra}, checks the document's shape and the exit code's agreement with it. */
    private JsonNode verify(int expectedExit, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", "--json"));
        args.addAll(List.of(extra));
        Tether.Result r = s.run(args.toArray(String[]::new));
        assertEquals(expectedExit, r.exitCode(), r::toString);
        JsonNode doc = Sandbox.onlyJson(r);
        assertEquals("verify", doc.path("command").asText());
        assertTrue(doc.path("healthy").isBoolean(), r::toString);
        assertEquals(expectedExit == 0, doc.path("healthy").asBoolean(), r::toString);
        assertTrue(doc.path("findings").isArray() && !doc.path("findings").isEmpty(), r::toString);
        for (JsonNode f : doc.path("findings")) {
            for (String field : FINDING_FIELDS) {
                assertTrue(f.has(field), () -> "finding without '" + field + "': " + f);
            }
            assertTrue(STATUSES.contains(f.path("status").asText()), f::toString);
            assertFalse(f.path("id").asText().isEmpty(), f::toString);
        }
        return doc;
    }

    private static List<JsonNode> findings(JsonNode doc, String id, String status) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode f : doc.path("findings")) {
            if (f.path("id").asText().equals(id) && f.path("status").asText().equals(status)) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void aFreshSetupIsHealthy() {
        s.linked();
        JsonNode doc = verify(0);
        for (String id : List.of("setup.state", "sync.root", "link.present", "credentials.local", "journal")) {
            assertFalse(findings(doc, id, "ok").isEmpty(), () -> "no ok " + id + " in " + doc);
        }
        assertTrue(findings(doc, "link.present", "error").isEmpty(), doc::toString);
        Tether.Result text = s.run("verify");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.stdout().contains("healthy"), text::toString);
    }

    @Test
    void aMachineNeverSetUpIsNotHealthy() {
        JsonNode doc = verify(1);
        assertEquals(1, findings(doc, "setup.state", "error").size(), doc::toString);
    }

    @Test
    void anUnreadableStateFileIsASetupStateError() throws IOException {
        s.linked();
        Files.writeString(s.stateDir().resolve("state.json"), "{not json");
        JsonNode doc = verify(1);
        assertEquals(1, findings(doc, "setup.state", "error").size(), doc::toString);
    }

    @Test
    void aLinkReplacedByARegularFileIsAnError() throws IOException {
        s.linked();
        Path history = s.claude.resolve("history.jsonl");
        String content = Files.readString(history);
        Files.delete(history);
        Files.writeString(history, content + "{\"display\":\"written after the link was replaced\"}\n");
        JsonNode doc = verify(1);
        List<JsonNode> replaced = findings(doc, "link.replaced", "error");
        assertEquals(1, replaced.size(), doc::toString);
        assertEquals("history.jsonl", replaced.get(0).path("item").asText());
        assertEquals(history.toString(), replaced.get(0).path("path").asText());
        assertFalse(replaced.get(0).path("hint").isNull(), replaced.get(0)::toString);
    }

    @Test
    void linksIntoADeletedSyncedFolderAreErrors() throws IOException {
        s.linked();
        deleteTree(s.synced());
        JsonNode doc = verify(1);
        boolean dangling = !findings(doc, "link.dangling", "error").isEmpty();
        boolean syncRoot = !findings(doc, "sync.root", "error").isEmpty();
        assertTrue(dangling || syncRoot, doc::toString);
    }

    @Test
    void strictMakesWarningsFail() throws IOException {
        s.linked();
        Files.createDirectories(s.claude.resolve(".archive"));
        JsonNode lenient = verify(0);
        List<JsonNode> warned = findings(lenient, "link.present", "warn");
        assertEquals(1, warned.size(), lenient::toString);
        assertEquals(".archive", warned.get(0).path("item").asText());
        verify(1, "--strict");
        runHint(warned.get(0));
        assertTrue(Files.isSymbolicLink(s.claude.resolve(".archive")), "the hint did not link .archive");
        verify(0, "--strict");
    }

    @Test
    void aDefaultItemLeftOutOfSetupIsWarnedWithTheCommandThatLinksIt() {
        // The sample has file-history and tasks; setup is asked for two other items only.
        assertEquals(0, s.setup("--item", "history.jsonl", "--item", "projects").exitCode());
        JsonNode doc = verify(0);
        List<JsonNode> warned = findings(doc, "link.present", "warn");
        assertEquals(List.of("file-history", "tasks"), warned.stream().map(f -> f.path("item").asText()).sorted().toList(),
                doc::toString);
        String hint = warned.get(0).path("hint").asText();
        assertEquals("tether setup --item history.jsonl --item projects --item file-history --item tasks", hint);
        runHint(warned.get(0));
        for (String item : List.of("history.jsonl", "projects", "file-history", "tasks")) {
            assertTrue(Files.isSymbolicLink(s.claude.resolve(item)), () -> item + " is not linked after " + hint);
        }
        verify(0, "--strict");
    }

    @Test
    void aMissingSyncedFolderSaysThatNewSessionsAreBeingLost() throws IOException {
        s.linked();
        Files.move(s.drive, tmp.resolve("ProtonDrive away"));
        JsonNode doc = verify(1);
        List<JsonNode> root = findings(doc, "sync.root", "error");
        assertEquals(1, root.size(), doc::toString);
        assertTrue(root.get(0).path("message").asText().contains("new sessions and prompts are being lost right now"),
                root.get(0)::toString);
        assertTrue(root.get(0).path("hint").asText().contains("tether setup --sync-root"), root.get(0)::toString);
        for (JsonNode dangling : findings(doc, "link.dangling", "error")) {
            assertTrue(dangling.path("message").asText().contains("now is lost"), dangling::toString);
        }
        assertFalse(findings(doc, "link.dangling", "error").isEmpty(), doc::toString);
    }

    /** Runs a finding's hint as given, plus --yes (the tests have no terminal), and expects it to succeed. */
    private void runHint(JsonNode finding) {
        String hint = finding.path("hint").asText();
        assertTrue(hint.startsWith("tether "), () -> "the hint is not a tether command: " + finding);
        List<String> args = new ArrayList<>(List.of(hint.substring("tether ".length()).split(" ")));
        args.add("--yes");
        Tether.Result r = s.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> "the hint " + hint + " failed:\n" + r);
    }

    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
