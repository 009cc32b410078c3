package dev.tether.safety;

import dev.tether.apply.Journal;
import dev.tether.blackbox.Tether;
import dev.tether.testing.Disk;
import dev.tether.testing.Sandbox;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Interrupted runs, each made once (a generated {@code .claude}, then whatever runs the test case asks
 * for, the last one killed by {@code TETHER_CRASH_AT}) and kept as a backup, so that every test of a
 * case starts from a fresh, byte-identical copy of the same interrupted state at the same absolute
 * paths (the journal and the links hold absolute paths).
 */
final class InterruptedRuns implements AutoCloseable {
    /** How a case reaches its interrupted state; returns the run that was killed. */
    interface Interrupter {
        Tether.Result interrupt(Sandbox s) throws IOException;
    }

    /** One interrupted state: where it lives, what the items held before, and the killed run. */
    static final class Interrupted {
        final Sandbox sandbox;
        /** The items before anything ran, as Claude Code read them. */
        final TreeSnapshot original;
        /** The rest of the Claude data dir (settings, credentials...) before anything ran. */
        final TreeSnapshot others;
        final Tether.Result killed;
        private final Path backup;

        private Interrupted(Sandbox sandbox, TreeSnapshot original, TreeSnapshot others, Tether.Result killed, Path backup) {
            this.sandbox = sandbox;
            this.original = original;
            this.others = others;
            this.killed = killed;
            this.backup = backup;
        }

        /** Puts a fresh copy of the interrupted state in place and returns its sandbox. */
        Sandbox fresh() {
            try {
                Disk.delete(sandbox.home);
                Disk.delete(sandbox.syncRoot);
                Disk.copy(backup.resolve("home"), sandbox.home);
                Disk.copy(backup.resolve("root"), sandbox.syncRoot);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return sandbox;
        }

        Tether tether() {
            return new Tether(sandbox.home);
        }

        /** The journal of this state's home: empty when no run is pending. */
        boolean journalPending() {
            try {
                return new Journal(sandbox.stateDir(), null).pending().isPresent();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Path base;
    private final Map<String, Interrupted> made = new LinkedHashMap<>();

    InterruptedRuns(Path base) {
        this.base = base;
    }

    /** The interrupted state called {@code name}, made on first use. */
    Interrupted get(String name, Sandbox.Device device, long seed, Interrupter interrupter) throws IOException {
        Interrupted existing = made.get(name);
        if (existing != null) {
            return existing;
        }
        Path dir = Files.createDirectories(base.resolve(name));
        Sandbox s = Sandbox.create(Files.createDirectories(dir.resolve("sandbox")), device).generate(seed);
        TreeSnapshot original = s.items();
        TreeSnapshot others = s.others().without(".");
        Tether.Result killed = interrupter.interrupt(s);
        Path backup = Files.createDirectories(dir.resolve("backup"));
        Disk.copy(s.home, backup.resolve("home"));
        Disk.copy(s.syncRoot, backup.resolve("root"));
        Interrupted i = new Interrupted(s, original, others, killed, backup);
        made.put(name, i);
        return i;
    }

    @Override
    public void close() throws IOException {
        for (Interrupted i : made.values()) {
            i.sandbox.close();
        }
    }
}
