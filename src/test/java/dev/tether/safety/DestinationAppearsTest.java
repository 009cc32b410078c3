package dev.tether.safety;

import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.flow.Guard;
import dev.tether.flow.RootChoice;
import dev.tether.flow.SetupFlow;
import dev.tether.layout.Locations;
import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.Platform;
import dev.tether.state.State;
import dev.tether.state.StateStore;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The destination appearing between plan and move (another machine's sync client delivering the same
 * item): setup fails with everything rolled back (exit 4), the newcomer's bytes untouched and the local
 * data as it was. The newcomer appears either after planning, before apply starts, or at the last
 * moment, right before the rename that would put the data in its place (so only the rename's own
 * no-replace guarantee stands between it and a loss). For a file ({@code history.jsonl}, the first item)
 * and a directory ({@code projects}, moved after {@code history.jsonl}, which is then rolled back).
 */
class DestinationAppearsTest {
    enum Moment {
        AFTER_PLANNING,
        RIGHT_BEFORE_THE_RENAME
    }

    record Case(Device device, String item, Moment moment) {
        @Override
        public String toString() {
            return device + " device, " + item + " appears " + moment.name().toLowerCase().replace('_', ' ');
        }
    }

    static Stream<Case> cases() {
        List<Case> out = new ArrayList<>();
        for (Device device : Device.values()) {
            for (String item : List.of("history.jsonl", "projects")) {
                for (Moment moment : Moment.values()) {
                    out.add(new Case(device, item, moment));
                }
            }
        }
        return out.stream();
    }

    @TempDir
    Path tmp;

    private Sandbox s;

    @AfterEach
    void removeSandbox() throws IOException {
        if (s != null) {
            s.close();
        }
    }

    /** What the test saw: the failure, the newcomer as it was made, and the local data before setup. */
    private record Outcome(Failure failure, Path newcomer, TreeSnapshot newcomerMade, TreeSnapshot claudeBefore) {
    }

    private Outcome setupMeetsANewcomer(Case c) throws IOException {
        s = Sandbox.create(tmp, c.device()).generate(31337);
        TreeSnapshot claudeBefore = TreeSnapshot.of(s.claude).without(".");
        Files.createDirectories(s.synced); // another machine made the synced folder
        Path newcomer = s.synced.resolve(c.item());
        TreeSnapshot[] made = new TreeSnapshot[1];
        Runnable deliver = () -> made[0] = deliverNewcomer(newcomer);

        Platform real = Platform.current();
        Platform platform = c.moment() == Moment.RIGHT_BEFORE_THE_RENAME ? newcomerBeforeRenameTo(real, newcomer, deliver) : real;
        Map<String, String> env = Map.of("HOME", s.home.toString());
        Locations locations = Locations.resolve(FileSystems.getDefault(), env, platform.os(), null, null, s.home.toString());
        Context ctx = new Context(FileSystems.getDefault(), env, platform.os(), platform, locations, ClaudeProbe.NONE);
        try (Guard guard = Guard.forWriting(ctx)) {
            SetupFlow flow = new SetupFlow(ctx);
            SetupFlow.Prepared prepared = flow.prepare(new SetupFlow.Request(s.syncRoot.toString(), null, List.of()),
                    RootChoice.NO_TERMINAL);
            prepared.requireNoRefusals();
            if (c.moment() == Moment.AFTER_PLANNING) {
                deliver.run();
            }
            Failure f = assertThrows(Failure.class, () -> flow.apply(prepared, guard, true, Progress.NONE));
            assertTrue(made[0] != null, "the newcomer should have been delivered");
            return new Outcome(f, newcomer, made[0], claudeBefore);
        }
    }

    /** Another machine's version of the item: different bytes, an old mtime. */
    private static TreeSnapshot deliverNewcomer(Path at) {
        try {
            FileTime old = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));
            if (at.getFileName().toString().equals("history.jsonl")) {
                Files.writeString(at, "{\"display\":\"from the other machine\",\"pastedContents\":{},\"timestamp\":1704164645000}\n");
            } else {
                Path session = Files.createDirectories(at.resolve("-home-other-code")).resolve("other-session.jsonl");
                Files.writeString(session, "{\"type\":\"user\",\"message\":\"from the other machine\"}\n");
                Files.setLastModifiedTime(session, old);
                Files.setLastModifiedTime(session.getParent(), old);
            }
            Files.setLastModifiedTime(at, old);
            return TreeSnapshot.of(at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real platform, except that the newcomer is delivered right before the first rename onto {@code target}. */
    private static Platform newcomerBeforeRenameTo(Platform real, Path target, Runnable deliver) {
        boolean[] delivered = {false};
        return (Platform) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {Platform.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("renameNoReplace") && target.equals(args[1]) && !delivered[0]) {
                        delivered[0] = true;
                        deliver.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void destinationThatAppearsFailsTheRunWithEverythingRolledBack(Case c) throws IOException {
        Outcome o = setupMeetsANewcomer(c);
        assertTrue(o.failure() instanceof Failure.RolledBack, () -> "expected a rolled-back failure, got " + o.failure());
        assertEquals(4, o.failure().exitCode());
        assertTrue(o.failure().getMessage().contains(o.newcomer().toString()) && o.failure().getMessage().contains("already exists"),
                () -> "the message should name what appeared: " + o.failure().getMessage());
        assertFalse(new Journal(s.stateDir(), null).pending().isPresent(), "the run should be rolled back, not pending");
        assertTrue(new StateStore(s.stateDir()).load().map(State::items).orElse(List.of()).isEmpty(),
                "no item should be recorded as linked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void destinationThatAppearsKeepsTheNewcomersBytes(Case c) throws IOException {
        Outcome o = setupMeetsANewcomer(c);
        assertSameTree(o.newcomerMade(), TreeSnapshot.of(o.newcomer()), "the newcomer in the synced folder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void destinationThatAppearsLeavesTheLocalDataAsItWas(Case c) throws IOException {
        Outcome o = setupMeetsANewcomer(c);
        for (String item : s.presentItems()) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameTree(o.claudeBefore(), TreeSnapshot.of(s.claude).without("."), ".claude after the failed setup");
        assertNoLeftovers(s);
    }
}
