package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.apply.Manifest;
import dev.tether.apply.Trees;
import dev.tether.demo.SampleData;
import dev.tether.testing.Safety;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3, must-show 4: a second machine's merge is killed at each journal step; then setup finishes
 * it (every line of both sides in the synced copy once, the differing binary kept), or, from the same
 * interrupted state, unlink rolls it back (before {@code cleaned} the local data is back exactly;
 * after it, the merged data comes back and the differing local file is in the kept dir).
 */
class MergeCrashIT {
    private static final List<String> ITEMS = List.of("history.jsonl", "projects", "file-history", "tasks");
    private Path work;
    private Path sync;
    private Path homeA;
    private Path homeB;

    @BeforeEach
    void twoMachines() throws IOException {
        work = Files.createTempDirectory(Path.of("target"), "merge-crash-").toAbsolutePath();
        sync = work.resolve("Sync");
        homeA = work.resolve("a");
        homeB = work.resolve("b");
        Files.createDirectories(sync);
        SampleData.generate(homeA.resolve(".claude"), 11, SampleData.Scale.SMALL);
        SampleData.generate(homeB.resolve(".claude"), 12, SampleData.Scale.SMALL);
        Path bin = Path.of("file-history", "same", "snap@v1");
        for (Path home : List.of(homeA, homeB)) {
            Path f = home.resolve(".claude").resolve(bin.toString());
            Files.createDirectories(f.getParent());
            Files.writeString(f, "binary of " + home.getFileName());
        }
        Tether.Result a = new Tether(homeA).run("setup", "--sync-root", sync.toString(), "--yes");
        assertEquals(0, a.exitCode(), a.toString());
    }

    @AfterEach
    void clean() throws IOException {
        Trees.deleteIfExists(work);
    }

    @ParameterizedTest(name = "merge killed at {0}")
    @ValueSource(strings = {"planned", "copied", "verified", "placed", "set-aside", "linked", "cleaned", "committed"})
    void aMergeKilledAtAnyStepLosesNothing(String step) throws Exception {
        Path claudeB = homeB.resolve(".claude");
        Map<String, Manifest> originalB = Safety.itemManifests(claudeB, ITEMS);
        Set<String> allHistory = new HashSet<>(Files.readAllLines(claudeB.resolve("history.jsonl")));
        allHistory.addAll(Files.readAllLines(sync.resolve(".claude-session-backup/history.jsonl")));
        Set<String> historyB = new HashSet<>(Files.readAllLines(claudeB.resolve("history.jsonl")));

        Tether.Result crashed = new Tether(homeB).env("TETHER_CRASH_AT", step)
                .run("setup", "--sync-root", sync.toString(), "--yes");
        assertEquals(137, crashed.exitCode(), crashed.toString());

        // the twin: the same interrupted state, for the unlink path
        Path twinSync = work.resolve("TwinSync");
        Path twinB = work.resolve("twin-b");
        copy(sync, twinSync);
        copy(homeB, twinB);
        repoint(twinB, Map.of(sync.toString(), twinSync.toString(), homeB.toString(), twinB.toString()));

        Tether.Result setup = new Tether(homeB).run("setup", "--sync-root", sync.toString(), "--yes");
        assertEquals(0, setup.exitCode(), setup.toString());
        List<String> merged = Files.readAllLines(sync.resolve(".claude-session-backup/history.jsonl"));
        assertEquals(allHistory, new HashSet<>(merged), "every history line of both machines");
        assertEquals(merged.size(), new HashSet<>(merged).size(), "no history line twice");
        assertTrue(keptFiles(homeB).stream().anyMatch(p -> p.endsWith("snap@v1")), "B's differing binary is kept");
        assertEquals(0, new Tether(homeB).run("verify").exitCode());
        Safety.assertNoLeftovers(claudeB, sync);

        Tether.Result unlink = new Tether(twinB).run("unlink", "--yes");
        assertEquals(0, unlink.exitCode(), unlink.toString());
        Path twinClaude = twinB.resolve(".claude");
        for (String item : ITEMS) {
            assertTrue(!Files.isSymbolicLink(twinClaude.resolve(item)), item + " is real again");
        }
        if (List.of("planned", "copied", "verified", "placed", "set-aside", "linked").contains(step)) {
            assertEquals(originalB, Safety.itemManifests(twinClaude, ITEMS), "B's local data is back exactly");
        } else {
            assertTrue(Files.readAllLines(twinClaude.resolve("history.jsonl")).containsAll(historyB), "B's history lines are back");
            // items merged before the crash bring the merged data back; B's own binary is either still
            // in place (its item was not merged yet) or kept aside: never lost
            Path binary = twinClaude.resolve("file-history/same/snap@v1");
            boolean inPlace = Files.readString(binary).equals("binary of b");
            boolean kept = keptFiles(twinB).stream().anyMatch(p -> p.endsWith("snap@v1"));
            assertTrue(inPlace || kept, "B's differing binary is in place or in the kept dir");
        }
        Safety.assertNoLeftovers(twinClaude, twinSync);
    }

    private static List<Path> keptFiles(Path home) throws IOException {
        Path kept = home.resolve(".local/state/tether/kept");
        if (!Files.isDirectory(kept)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(kept)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        assertEquals(0, new ProcessBuilder("cp", "-a", from.toString(), to.toString()).inheritIO().start().waitFor());
    }

    /** Re-points links and rewrites the state and journal of a copied home to name the twin paths. */
    private static void repoint(Path home, Map<String, String> renames) throws IOException {
        try (Stream<Path> s = Files.walk(home)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p)) {
                    String target = rename(Files.readSymbolicLink(p).toString(), renames);
                    Files.delete(p);
                    Files.createSymbolicLink(p, Path.of(target));
                } else if (Files.isRegularFile(p) && p.toString().contains("/.local/state/tether/")
                        && (p.toString().endsWith(".json") || p.toString().endsWith(".jsonl"))) {
                    Files.writeString(p, rename(Files.readString(p), renames), StandardCharsets.UTF_8,
                            StandardOpenOption.TRUNCATE_EXISTING);
                }
            }
        }
    }

    private static String rename(String text, Map<String, String> renames) {
        String out = text;
        for (Map.Entry<String, String> e : renames.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }
}
