package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.platform.ClaudeProcesses;
import dev.tether.state.Lock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tether resolve} on real temp dirs, in-process: merges JSONL copies, sets them aside, lists the rest. */
class ResolveCommandTest {
    private static final String NEXTCLOUD = "history (conflicted copy 2024-01-01 120000).jsonl";
    private static final String DROPBOX = "history (Jane's conflicted copy 2024-01-02).jsonl";

    @TempDir
    Path root;

    private Linked m;

    @BeforeEach
    void setUp() throws IOException {
        m = new Linked(root, "history.jsonl", "projects", "file-history");
    }

    private static String h(long ms, String text) {
        return "{\"display\":\"" + text + "\",\"pastedContents\":{},\"timestamp\":" + ms + ",\"project\":\"/home/me/app\"}";
    }

    private static String s(String iso, String uuid) {
        return "{\"type\":\"user\",\"uuid\":\"" + uuid + "\",\"sessionId\":\"s1\",\"timestamp\":\"" + iso + "\"}";
    }

    private List<Path> resolvedFiles() throws IOException {
        Path resolved = m.stateDir.resolve("resolved");
        if (!Files.exists(resolved)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(resolved)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void historyConflictsAreMergedWithNoLineLostAndNoneTwice() throws IOException {
        Path history = m.write("history.jsonl", h(1, "a"), h(3, "c"), h(5, "e"));
        m.write(NEXTCLOUD, h(1, "a"), h(2, "b"), h(3, "c"));
        m.write(DROPBOX, h(3, "c"), h(4, "d"), h(6, "f"));
        Linked.Result r = m.run("resolve", "--yes", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of(h(1, "a"), h(2, "b"), h(3, "c"), h(4, "d"), h(5, "e"), h(6, "f")), Files.readAllLines(history));
        assertFalse(Files.exists(m.synced.resolve(NEXTCLOUD)));
        assertFalse(Files.exists(m.synced.resolve(DROPBOX)));
        assertEquals(List.of(DROPBOX, NEXTCLOUD), resolvedFiles().stream().map(p -> p.getFileName().toString()).toList());
        JsonNode doc = r.json();
        assertEquals("resolve", doc.get("command").asText());
        JsonNode merged = doc.get("merged").get(0);
        assertEquals(history.toString(), merged.get("path").asText());
        assertEquals(2, merged.get("copies").size());
        assertEquals(3, merged.get("linesBefore").asLong());
        assertEquals(6, merged.get("linesAfter").asLong());
        assertEquals(0, doc.get("unresolved").size());
        // reading through the link in the Claude data dir sees the merged history
        assertEquals(Files.readAllLines(history), Files.readAllLines(m.claude.resolve("history.jsonl")));
    }

    @Test
    void sessionConflictsInsideProjectsAreMergedKeepingInvalidLines() throws IOException {
        Path session = m.write("projects/-home-me-app/s1.jsonl", "{\"type\":\"summary\",\"summary\":\"Fix the build\"}",
                s("2024-01-01T10:00:00.000Z", "u1"), s("2024-01-01T10:01:00.000Z", "u2"));
        m.write("projects/-home-me-app/s1.sync-conflict-20240101-120000-ABCDEF7.jsonl", s("2024-01-01T10:00:00.000Z", "u1"),
                s("2024-01-01T10:02:00.000Z", "u3"), "{\"type\":\"assistant\",\"torn");
        Linked.Result r = m.run("resolve", "--yes");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("{\"type\":\"summary\",\"summary\":\"Fix the build\"}", s("2024-01-01T10:00:00.000Z", "u1"),
                s("2024-01-01T10:01:00.000Z", "u2"), s("2024-01-01T10:02:00.000Z", "u3"), "{\"type\":\"assistant\",\"torn"),
                Files.readAllLines(session));
        assertEquals(List.of("projects/-home-me-app/s1.sync-conflict-20240101-120000-ABCDEF7.jsonl"), resolvedFiles().stream()
                .map(p -> p.getParent().getParent().getParent().relativize(p).toString().replace('\\', '/')).toList());
    }

    @Test
    void aCopyOfACopyIsMergedIntoTheSameMainFile() throws IOException {
        Path history = m.write("history.jsonl", h(1, "a"));
        m.write(NEXTCLOUD, h(2, "b"));
        m.write("history (conflicted copy 2024-01-01 120000) (conflicted copy 2024-01-02 080000).jsonl", h(3, "c"));
        Linked.Result r = m.run("resolve", "--yes", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of(h(1, "a"), h(2, "b"), h(3, "c")), Files.readAllLines(history));
        assertEquals(1, r.json().get("merged").size());
        assertEquals(2, r.json().get("merged").get(0).get("copies").size());
        assertEquals(2, resolvedFiles().size());
    }

    @Test
    void otherCopiesAreListedAndLeftAloneAndExitIsOne() throws IOException {
        m.write("history.jsonl", h(1, "a"));
        m.write(NEXTCLOUD, h(2, "b"));
        m.write("file-history/abc/notes.md", "mine");
        Path md = m.write("file-history/abc/notes (Jane's conflicted copy 2024-01-01).md", "theirs");
        Linked.Result r = m.run("resolve", "--yes", "--json");
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals("theirs\n", Files.readString(md));
        assertEquals(List.of(h(1, "a"), h(2, "b")), Files.readAllLines(m.synced.resolve("history.jsonl")));
        JsonNode unresolved = r.json().get("unresolved");
        assertEquals(1, unresolved.size());
        assertEquals(md.toString(), unresolved.get(0).get("path").asText());
        assertEquals("dropbox", unresolved.get(0).get("provider").asText());
        assertEquals(1, r.json().get("merged").size());
    }

    @Test
    void onlyUnmergeableCopiesNeedNoConfirmationAndExitOne() throws IOException {
        m.write("file-history/abc/notes.md", "mine");
        m.write("file-history/abc/notes.sync-conflict-20240101-120000-ABCDEF7.md", "theirs");
        Linked.Result r = m.run("resolve");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("Syncthing"), r.stdout());
    }

    @Test
    void nothingToResolveExitsZero() throws IOException {
        m.write("history.jsonl", h(1, "a"));
        m.write("projects/k/a (1).jsonl", h(1, "a")); // no a.jsonl beside it: an ordinary name
        Linked.Result r = m.run("resolve", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(0, r.json().get("merged").size());
        assertEquals(0, r.json().get("unresolved").size());
    }

    @Test
    void withoutATerminalAndWithoutYesItRefusesAndChangesNothing() throws IOException {
        m.write("history.jsonl", h(1, "a"));
        m.write(NEXTCLOUD, h(2, "b"));
        Map<String, String> before = Linked.snapshot(m.synced);
        Linked.Result r = m.run("resolve");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("--yes"), r.stderr());
        assertEquals(before, Linked.snapshot(m.synced));
    }

    @Test
    void dryRunChangesNothingAndTellsTheLineCounts() throws IOException {
        m.write("history.jsonl", h(1, "a"), h(2, "b"));
        m.write(NEXTCLOUD, h(2, "b"), h(3, "c"));
        Map<String, String> synced = Linked.snapshot(m.synced);
        Map<String, String> state = Linked.snapshot(m.stateDir);
        Linked.Result r = m.run("resolve", "--dry-run", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(synced, Linked.snapshot(m.synced));
        assertEquals(state, Linked.snapshot(m.stateDir));
        JsonNode merged = r.json().get("merged").get(0);
        assertEquals(2, merged.get("linesBefore").asLong());
        assertEquals(3, merged.get("linesAfter").asLong());
        assertEquals("dry-run", merged.get("result").asText());
    }

    @Test
    void dryRunExitsOneWhenCopiesWouldRemain() throws IOException {
        m.write("file-history/abc/notes.md", "mine");
        m.write("file-history/abc/notes (conflicted copy 2024-01-01 120000).md", "theirs");
        assertEquals(1, m.run("resolve", "--dry-run").exitCode());
    }

    @Test
    void refusesWhileClaudeCodeRunsUnlessAllowed() throws IOException {
        m.write("history.jsonl", h(1, "a"));
        m.write(NEXTCLOUD, h(2, "b"));
        m.running = List.of(new ClaudeProcesses.Seen(4242, "claude", ""));
        Map<String, String> before = Linked.snapshot(m.synced);
        Linked.Result refused = m.run("resolve", "--yes");
        assertEquals(3, refused.exitCode(), refused.toString());
        assertEquals(before, Linked.snapshot(m.synced));
        assertEquals(0, m.run("resolve", "--yes", "--allow-running").exitCode());
        assertEquals(List.of(h(1, "a"), h(2, "b")), Files.readAllLines(m.synced.resolve("history.jsonl")));
    }

    @Test
    void anotherRunHoldingTheLockIsRefused() throws IOException {
        m.write("history.jsonl", h(1, "a"));
        m.write(NEXTCLOUD, h(2, "b"));
        try (Lock held = Lock.acquire(m.stateDir)) {
            assertEquals(3, m.run("resolve", "--yes").exitCode());
            assertEquals(0, m.run("resolve", "--dry-run").exitCode()); // a dry run takes no lock
        }
        assertEquals(List.of(h(1, "a")), Files.readAllLines(m.synced.resolve("history.jsonl")));
    }

    @Test
    void aMachineNeverSetUpIsBadInput(@TempDir Path other) throws IOException {
        Linked fresh = new Linked(other);
        Files.delete(fresh.stateDir.resolve("state.json"));
        assertEquals(2, fresh.run("resolve", "--yes").exitCode());
    }

    /**
     * A run killed after the merged file replaced the main one but before the copies were set aside:
     * the next run merges again, which changes no byte of the main file, and sets the copies aside.
     */
    @Test
    void aCrashBetweenReplacingTheMainFileAndMovingTheCopiesIsHarmless() throws IOException {
        Path history = m.write("history.jsonl", h(1, "a"), h(4, "d"));
        Path one = m.write(NEXTCLOUD, h(2, "b"));
        Path two = m.write(DROPBOX, h(3, "c"), h(4, "d"));
        // what the killed run did: merge into the temporary sibling, rename it over the main file, set one copy aside
        Path temp = history.resolveSibling(NoiseNames.mergeTempName("history.jsonl"));
        JsonlMerge.merge(history, List.of(one, two), temp);
        Files.move(temp, history, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Path earlier = Files.createDirectories(m.stateDir.resolve("resolved/20240101T000000Z"));
        Files.move(one, earlier.resolve(NEXTCLOUD));
        byte[] merged = Files.readAllBytes(history);

        Linked.Result r = m.run("resolve", "--yes");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(new String(merged), Files.readString(history));
        assertFalse(Files.exists(two));
        assertEquals(List.of(h(1, "a"), h(2, "b"), h(3, "c"), h(4, "d")), Files.readAllLines(history));
        assertEquals(0, m.run("resolve", "--yes").exitCode()); // and a third run finds nothing
    }

    /** A run killed while merging leaves only its temporary file, which the next run ignores and replaces. */
    @Test
    void aCrashWhileMergingLeavesTheMainFileAndCopiesUntouched() throws IOException {
        Path history = m.write("history.jsonl", h(1, "a"));
        m.write(NEXTCLOUD, h(2, "b"));
        Path temp = m.write(NoiseNames.mergeTempName("history.jsonl"), h(1, "a"), "{\"torn");
        Linked.Result verify = m.run("verify", "--json");
        assertEquals(1, countConflicts(verify.json()), verify.toString());
        assertEquals(0, m.run("resolve", "--yes").exitCode());
        assertEquals(List.of(h(1, "a"), h(2, "b")), Files.readAllLines(history));
        assertFalse(Files.exists(temp));
    }

    private static long countConflicts(JsonNode verify) {
        long n = 0;
        for (JsonNode f : verify.get("findings")) {
            if (f.get("id").asText().equals("conflict") && !f.get("status").asText().equals("ok")) {
                n++;
            }
        }
        return n;
    }
}
