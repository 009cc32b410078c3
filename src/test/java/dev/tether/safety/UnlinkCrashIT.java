package dev.tether.safety;

import static dev.tether.testing.Safety.assertEveryItemRecoverable;
import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameContent;
import static dev.tether.testing.Safety.assertSameTree;
import static dev.tether.testing.Safety.assertSyncedFolderHoldsNoItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.apply.Journal;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash protocol for {@code unlink}: after a complete setup, the packaged tether's unlink is stopped
 * dead at each step a restore passes ({@code copied, verified, placed, cleaned, committed}; a same-device
 * {@code --remove-synced} renames instead of copying, so it has no {@code verified}). No file may be lost,
 * the next {@code unlink} finishes the run, and {@code setup} refuses to start while it is pending.
 */
class UnlinkCrashIT {
    /** Plain unlink copies the data back; {@code --remove-synced} moves it. */
    enum Mode {
        COPY(List.of()),
        REMOVE_SYNCED(List.of("--remove-synced"));

        final List<String> args;

        Mode(List<String> args) {
            this.args = args;
        }
    }

    /** Which item the killed run meets first (unlink goes in the order setup linked them). */
    enum Order {
        FILE_FIRST(List.of()),
        DIR_FIRST(List.of("projects", "file-history", "tasks", ".archive", ".planning", "history.jsonl"));

        final List<String> items;

        Order(List<String> items) {
            this.items = items;
        }
    }

    record Case(Device device, Mode mode, Order order, String step) {
        @Override
        public String toString() {
            return device + " device, unlink " + (mode == Mode.COPY ? "" : "--remove-synced ") + order + ", killed at " + step;
        }

        String name() {
            return device + "-" + mode + "-" + order + "-" + step;
        }

        List<String> unlinkArgs() {
            List<String> args = new ArrayList<>(List.of("unlink", "--yes"));
            args.addAll(mode.args);
            return args;
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Device device : Device.values()) {
            for (Mode mode : Mode.values()) {
                for (Order order : Order.values()) {
                    if (device == Device.SAME && order == Order.DIR_FIRST) {
                        continue; // the tree is copied back by the same code as across devices
                    }
                    for (String step : List.of(Journal.COPIED, Journal.VERIFIED, Journal.PLACED, Journal.CLEANED, Journal.COMMITTED)) {
                        boolean renamed = device == Device.SAME && mode == Mode.REMOVE_SYNCED;
                        if (!(renamed && step.equals(Journal.VERIFIED))) {
                            out.add(new Case(device, mode, order, step));
                        }
                    }
                }
            }
        }
        return out.stream();
    }

    static Stream<Case> fileFirstCases() {
        return cases().filter(c -> c.order() == Order.FILE_FIRST);
    }

    /** Setup refuses whatever the step: one interrupted state per device and mode is enough. */
    static Stream<Case> placedCases() {
        return fileFirstCases().filter(c -> c.step().equals(Journal.PLACED));
    }

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

    /** A complete setup (in-process: it is not under test here), then an unlink killed at the case's step. */
    private static InterruptedRuns.Interrupted interrupted(Case c) throws IOException {
        return runs.get(c.name(), c.device(), c.name().hashCode(), s -> {
            List<String> setup = new ArrayList<>(List.of("setup", "--sync-root", s.syncRoot.toString(), "--yes"));
            for (String item : c.order().items) {
                setup.add("--item");
                setup.add(item);
            }
            Tether.Result linked = InProcess.run(s.home, setup.toArray(String[]::new));
            assertEquals(0, linked.exitCode(), () -> "setup before the unlink:\n" + linked);
            return new Tether(s.home).env("TETHER_CRASH_AT", c.step()).run(c.unlinkArgs().toArray(String[]::new));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unlinkKilledAtAnyStepLosesNoFile(Case c) throws IOException {
        InterruptedRuns.Interrupted i = interrupted(c);
        Sandbox s = i.fresh();
        assertEquals(137, i.killed.exitCode(), () -> "unlink should have been stopped dead at " + c.step() + ":\n" + i.killed);
        assertEveryItemRecoverable(s, i.original);
        assertSameTree(i.others, s.others().without("."), "the rest of .claude");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nextUnlinkFinishesTheInterruptedUnlink(Case c) throws IOException {
        InterruptedRuns.Interrupted i = interrupted(c);
        Sandbox s = i.fresh();
        Tether.Result r = i.tether().run(c.unlinkArgs().toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> "unlink after the crash:\n" + r);
        for (String item : Sandbox.ITEMS) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameTree(i.original, s.items(), "the items after unlink");
        assertSameTree(i.others, s.others().without("."), "the rest of .claude");
        if (c.mode() == Mode.REMOVE_SYNCED) {
            assertSyncedFolderHoldsNoItems(s);
        } else {
            assertSameContent(i.original, TreeSnapshot.ofItems(s.synced, Sandbox.ITEMS), "the synced copy for other machines");
        }
        assertNoLeftovers(s);
        assertFalse(i.journalPending(), "the journal should hold no pending run");
    }

    /**
     * The cases where the item cut short still reaches its data, so Claude Code can write to it. (One
     * device with {@code --remove-synced}, killed at {@code copied}: the data was renamed next to the link
     * and the exchange had not happened, so the link dangles until unlink runs again.)
     */
    static Stream<Case> writableCases() {
        return fileFirstCases().filter(c -> !(c.device() == Device.SAME && c.mode() == Mode.REMOVE_SYNCED
                && c.step().equals(Journal.COPIED)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writableCases")
    void nextUnlinkKeepsWhatClaudeCodeWroteAfterTheCrash(Case c) throws IOException {
        InterruptedRuns.Interrupted i = interrupted(c);
        Sandbox s = i.fresh();
        s.claudeCodeAppendsAPrompt(); // Claude Code, started again before tether is
        TreeSnapshot written = s.items();
        Tether.Result r = i.tether().run(c.unlinkArgs().toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> "unlink after the crash and a write:\n" + r);
        assertRealLocal(s.claude.resolve("history.jsonl"));
        assertSameTree(written, s.items(), "the items after unlink");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placedCases")
    void setupRefusesWhileAnUnlinkIsPending(Case c) throws IOException {
        InterruptedRuns.Interrupted i = interrupted(c);
        Sandbox s = i.fresh();
        TreeSnapshot before = s.everything();
        Tether.Result r = i.tether().run("setup", "--yes", "--allow-running");
        assertEquals(3, r.exitCode(), () -> "setup while an unlink is pending:\n" + r);
        assertTrue(r.stderr().contains("tether unlink"), () -> "the message should name the command that finishes it:\n" + r);
        assertSameTree(before, s.everything(), "home and sync root after the refused setup");
    }
}
