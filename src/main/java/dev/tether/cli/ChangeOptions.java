package dev.tether.cli;

import dev.tether.Context;
import dev.tether.flow.Guard;
import java.io.IOException;
import java.nio.file.Path;
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

    /** The guard of this run, its lock in this machine's state dir. */
    Guard guard(Context ctx) throws IOException {
        return dryRun ? Guard.forDryRun(ctx) : Guard.forWriting(ctx);
    }

    /** The guard of this run, its lock in {@code lockDir}. */
    Guard guard(Context ctx, Path lockDir) throws IOException {
        return dryRun ? Guard.forDryRun(ctx) : Guard.forWriting(ctx, lockDir);
    }
}
