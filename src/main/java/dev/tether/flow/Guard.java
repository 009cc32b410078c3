package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.platform.ClaudeProcesses;
import dev.tether.state.Lock;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one gate every command that writes passes before it writes: no Claude Code may be running on this
 * data dir (unless {@code --allow-running}), what it will copy must fit, and no other tether may be
 * writing (the lock, held until {@link #close}). Commands plan first, then {@link #clear} with what the
 * plan needs; a refusal (exit 3) comes before any change. A dry run gets a guard that never clears.
 */
public final class Guard implements AutoCloseable {
    /** {@code bytes} will be written onto the file system holding {@code dir}. */
    public record Space(Path dir, long bytes) {
    }

    private final Context ctx;
    private final Lock lock;

    private Guard(Context ctx, Lock lock) {
        this.ctx = ctx;
        this.lock = lock;
    }

    /**
     * For a run that may write, with the lock in {@code lockDir}: taken now when that folder exists, so the
     * run observes and plans under it; on a machine where it does not exist yet, at {@link #clear}, so a run
     * that ends before writing (a refusal) leaves no trace.
     */
    public static Guard forWriting(Context ctx, Path lockDir) throws IOException {
        return new Guard(ctx, Lock.acquireBeforeFirstWrite(lockDir));
    }

    /** For a run that may write, with the lock in this machine's state dir. */
    public static Guard forWriting(Context ctx) throws IOException {
        return forWriting(ctx, ctx.locations().stateDir());
    }

    /** For a dry run: takes no lock (a dry run writes nothing, not even the lock file) and never clears. */
    public static Guard forDryRun(Context ctx) {
        return new Guard(ctx, null);
    }

    /**
     * Refuses (exit 3, nothing changed) when a Claude Code process uses this data dir and
     * {@code allowRunning} is false, when a {@code needs} entry does not fit, or when another tether holds
     * the lock; otherwise holds the lock until {@link #close}.
     */
    public void clear(boolean allowRunning, List<Space> needs) throws IOException {
        if (lock == null) {
            throw new IllegalStateException("a dry run must not write");
        }
        if (!allowRunning) {
            requireClaudeNotRunning();
        }
        for (Space need : needs) {
            requireSpace(need);
        }
        lock.hold();
    }

    /** As {@link #clear(boolean, List)}, for a run that copies nothing. */
    public void clear(boolean allowRunning) throws IOException {
        clear(allowRunning, List.of());
    }

    private void requireClaudeNotRunning() {
        List<ClaudeProcesses.Seen> running = ctx.claudeProbe().using(ctx.locations().claudeDir());
        if (!running.isEmpty()) {
            ClaudeProcesses.Seen first = running.get(0);
            throw new Failure.Refused("Claude Code is running (pid " + first.pid() + ", " + first.command()
                    + (first.reason().isEmpty() ? "" : ": " + first.reason())
                    + "); moving its data now would lose lines. Nothing was changed",
                    "quit Claude Code and run the command again, or add --allow-running if that process does not use "
                            + ctx.locations().claudeDir());
        }
    }

    private void requireSpace(Space need) throws IOException {
        if (need.bytes() <= 0) {
            return;
        }
        long usable = ctx.freeSpace().usable(need.dir());
        long needed = need.bytes() + need.bytes() / 100 + (1 << 20); // room for directory entries and metadata
        if (usable < needed) {
            throw new Failure.Refused("not enough free space in " + need.dir() + ": the copy needs about "
                    + Sizes.human(needed) + ", " + Sizes.human(usable) + " is free. Nothing was changed",
                    "free some space there (or choose another --sync-root), then run the command again");
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            // the OS releases the lock when the process ends anyway
        }
    }
}
