package dev.tether.cli;

import dev.tether.Context;
import dev.tether.apply.Recovery;
import dev.tether.flow.Guard;
import dev.tether.flow.Recovering;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options of every command that changes files ({@code --dry-run}, {@code --yes},
 * {@code --allow-running}), and what they mean for the run: a dry run sees the disk read-only and gets a
 * guard that never clears, so it cannot write even by mistake.
 */
final class ChangeOptions {
    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "apply without asking")
    boolean yes;

    @Option(names = "--allow-running", description = "go ahead even while a Claude Code process runs")
    boolean allowRunning;

    /** The world this run works in: read-only for a dry run. */
    Context context(Session session) {
        return dryRun ? session.ctx().readOnly() : session.ctx();
    }

    /** One changing command's run: the world it works in and its guard, released by {@link #close}. */
    record Run(Context ctx, Guard guard) implements AutoCloseable {
        @Override
        public void close() {
            guard.close();
        }
    }

    /**
     * What every changing command starts with: its name and {@code dryRun} in the JSON document, its world
     * (read-only for a dry run) and its guard (the lock in this machine's state dir).
     */
    Run begin(Session session, String command) throws IOException {
        session.console().doc().put("command", command);
        session.console().doc().put("dryRun", dryRun);
        Context ctx = context(session);
        return new Run(ctx, guard(ctx));
    }

    /** An interrupted run first: a dry run says it is pending, a real run finishes or undoes it and says so. */
    void recoverFirst(Console console, Recovering flow, Run run) throws IOException {
        Optional<Recovery.Resumption> pending = flow.pendingRun();
        if (pending.isPresent()) {
            console.say(dryRun ? pending.get().dryRunNote() : flow.recover(pending.get(), run.guard(), allowRunning));
        }
    }

    /** The guard of this run, its lock in this machine's state dir. */
    Guard guard(Context ctx) throws IOException {
        return dryRun ? Guard.forDryRun(ctx) : Guard.forWriting(ctx);
    }

    /** The guard of this run, its lock in {@code lockDir}. */
    Guard guard(Context ctx, Path lockDir) throws IOException {
        return dryRun ? Guard.forDryRun(ctx) : Guard.forWriting(ctx, lockDir);
    }
}
