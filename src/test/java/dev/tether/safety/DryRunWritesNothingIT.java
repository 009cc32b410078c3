package dev.tether.safety;

import static dev.tether.testing.Safety.assertSameTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A dry run writes nothing, even where a real run would first recover: every writing command run with
 * {@code --dry-run} on a tree that holds an interrupted setup in its journal (and a sync-conflict copy
 * for resolve to plan) leaves every file, link, mode and mtime of the Claude data dir, the synced folder
 * and the state dir as it found them. Dry runs see the disk through a read-only view, so a write would
 * fail the run instead of changing anything; the exit code shows they ran to the end.
 */
class DryRunWritesNothingIT {
    @TempDir
    static Path base;

    private static InterruptedRuns runs;

    @BeforeAll
    static void start() {
        runs = new InterruptedRuns(base);
    }

    @AfterAll
    static void removeSandboxes() throws IOException {
        runs.close();
    }

    /** Two items linked, a conflict copy beside the synced history, then a setup of the rest killed mid-copy. */
    private static InterruptedRuns.Interrupted interrupted() throws IOException {
        return runs.get("pending-setup", Device.CROSS, 4242, s -> {
            Tether tether = new Tether(s.home);
            Tether.Result first = tether.run("setup", "--sync-root", s.syncRoot.toString(), "--yes", "--allow-running",
                    "--item", "history.jsonl", "--item", "projects");
            assertEquals(0, first.exitCode(), first::toString);
            Path history = s.synced.resolve("history.jsonl");
            Files.write(s.synced.resolve("history.sync-conflict-20240617-101500-ABCDEF7.jsonl"),
                    List.of(Files.readAllLines(history).get(0), "{\"display\":\"from the other machine\",\"timestamp\":1718619300000}"));
            return tether.env("TETHER_CRASH_AT", "copied").run("setup", "--yes", "--allow-running",
                    "--item", "history.jsonl", "--item", "projects", "--item", "file-history", "--item", "tasks");
        });
    }

    static Stream<List<String>> dryRuns() {
        return Stream.of(List.of("setup", "--dry-run"), List.of("unlink", "--dry-run"), List.of("resolve", "--dry-run"),
                List.of("setup", "--dry-run", "--json"), List.of("unlink", "--dry-run", "--remove-synced"));
    }

    @ParameterizedTest(name = "tether {0}")
    @MethodSource("dryRuns")
    void aDryRunLeavesEveryFileLinkModeAndMtimeAsItWas(List<String> args) throws IOException {
        InterruptedRuns.Interrupted i = interrupted();
        assertEquals(137, i.killed.exitCode(), () -> "the setup should have been stopped dead:\n" + i.killed);
        Sandbox s = i.fresh();
        assertTrue(i.journalPending(), "the journal should hold the interrupted setup");
        TreeSnapshot before = s.everything();

        Tether.Result r = i.tether().run(args.toArray(String[]::new));

        assertEquals(0, r.exitCode(), r::toString);
        if (!args.get(0).equals("resolve")) { // resolve does not recover runs, so it has nothing to say about one
            assertTrue((r.stdout() + r.stderr()).contains("an interrupted setup from"),
                    () -> "the dry run should say that an interrupted run is pending:\n" + r);
        }
        assertSameTree(before, s.everything(), "home (Claude dir, state dir) and sync root after tether " + String.join(" ", args));
        assertTrue(i.journalPending(), "the interrupted setup should still be pending");
    }
}
