package dev.tether.safety;

import static dev.tether.testing.Safety.assertEveryItemRecoverable;
import static dev.tether.testing.Safety.assertLinkedTo;
import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameTree;
import static dev.tether.testing.Safety.assertSyncedFolderHoldsNoItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tether.blackbox.Tether;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code kill -9} at random moments of a long copy (safety.md): a setup across filesystems with 32 MiB
 * more in {@code file-history} is killed at a seeded random moment: part way through the copy of that
 * item, or shortly after the copy was recorded complete (verifying, or in the steps after). No file may
 * be lost; {@code setup} then finishes the run, or {@code unlink} undoes it.
 */
class KillDuringCopyIT {
    /**
     * One kill, pinned to what the run has visibly done rather than to wall-clock time (which varies
     * with the machine): when the copy holds {@code files} of the 32 bulk files (mid-copy), or
     * {@code delayMillis} after the journal recorded the copy complete (verifying, placing, linking,
     * cleaning, or done).
     */
    record Moment(int index, int files, int delayMillis) {
        @Override
        public String toString() {
            return files > 0 ? "killed with " + files + " of 32 files copied"
                    : "killed " + delayMillis + " ms after the copy was recorded complete";
        }
    }

    static Stream<Moment> moments() {
        return IntStream.range(0, 6).mapToObj(i -> {
            Random random = new Random(0x7e7e + i);
            return i < 3 ? new Moment(i, 1 + random.nextInt(31), 0) : new Moment(i, 0, random.nextInt(120));
        });
    }

    @TempDir
    Path tmp;

    private Sandbox s;
    private TreeSnapshot original;

    @AfterEach
    void removeSandbox() throws IOException {
        if (s != null) {
            s.close();
        }
    }

    /** Starts setup and kills it at the moment; returns its exit code (137, or 0 when it ended first). */
    private int setupKilledDuringTheCopy(Moment m) throws Exception {
        s = Sandbox.create(tmp, Device.CROSS).generate(m.index()).addBulk(32, 1 << 20, m.index());
        original = s.items();
        List<String> cmd = new ArrayList<>(Tether.program());
        cmd.addAll(List.of("setup", "--sync-root", s.syncRoot.toString(), "--yes", "--allow-running"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        for (String unset : List.of("CLAUDE_CONFIG_DIR", "TETHER_STATE_DIR", "XDG_STATE_HOME", "TETHER_CRASH_AT")) {
            pb.environment().remove(unset);
        }
        pb.environment().put("HOME", s.home.toString());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (p.isAlive() && !reached(m) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(m.delayMillis());
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            throw new AssertionError("the killed setup did not end");
        }
        return p.exitValue();
    }

    /** Whether the killed setup's run had ended (its run-level committed line is the journal's last line). */
    private boolean setupRunEnded() throws IOException {
        Path journal = s.stateDir().resolve("journal.jsonl");
        if (!Files.exists(journal)) {
            return false;
        }
        List<String> lines = Files.readAllLines(journal);
        String last = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        return last.contains("\"step\":\"committed\"") && last.contains("\"item\":null");
    }

    private boolean reached(Moment m) throws IOException {
        if (m.files() == 0) {
            Path journal = s.stateDir().resolve("journal.jsonl");
            return Files.exists(journal) && Files.readString(journal).contains("\"step\":\"copied\",\"item\":\"file-history\"");
        }
        try (Stream<Path> list = Files.list(s.synced)) {
            Path copy = list.filter(p -> p.getFileName().toString().startsWith(".file-history.tether-copy-")).findFirst().orElse(null);
            if (copy == null || !Files.isDirectory(copy.resolve("bulk"))) {
                return false;
            }
            try (Stream<Path> bulk = Files.list(copy.resolve("bulk"))) {
                return bulk.count() > m.files(); // the last one listed may be half written
            }
        } catch (java.nio.file.NoSuchFileException e) {
            return false; // not there yet, or already renamed into place
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moments")
    void setupKilledDuringALongCopyLosesNoFileAndSetupFinishesIt(Moment m) throws Exception {
        int killed = setupKilledDuringTheCopy(m);
        assertEveryItemRecoverable(s, original);
        Tether.Result r = new Tether(s.home).run("setup", "--yes", "--allow-running");
        assertEquals(0, r.exitCode(), () -> "setup after the kill (the killed run ended with " + killed + "):\n" + r);
        for (String item : Sandbox.ITEMS) {
            assertLinkedTo(s.claude.resolve(item), s.synced.resolve(item));
        }
        assertSameTree(original, s.items(), "the items read through their links");
        assertNoLeftovers(s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("moments")
    void setupKilledDuringALongCopyLosesNoFileAndUnlinkUndoesIt(Moment m) throws Exception {
        int killed = setupKilledDuringTheCopy(m);
        boolean interrupted = !setupRunEnded();
        assertEveryItemRecoverable(s, original);
        Tether.Result r = new Tether(s.home).run("unlink", "--yes");
        assertEquals(0, r.exitCode(), () -> "unlink after the kill (the killed run ended with " + killed + "):\n" + r);
        for (String item : Sandbox.ITEMS) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameTree(original, s.items(), "the items after unlink");
        if (interrupted) {
            // an interrupted setup is undone; a setup that finished before the kill (a fast binary, a
            // loaded machine) was unlinked normally, and a normal unlink leaves the synced copy
            assertSyncedFolderHoldsNoItems(s);
        }
        assertNoLeftovers(s);
    }
}
