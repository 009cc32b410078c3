package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Journal;
import dev.tether.archive.ArchiveLayout;
import dev.tether.archive.ArchiveLocation;
import dev.tether.archive.ArchivedSessions;
import dev.tether.archive.Restore;
import dev.tether.archive.RestorePlan;
import dev.tether.archive.RestoreRun;
import dev.tether.archive.SessionEntry;
import dev.tether.state.MachineId;
import dev.tether.state.MachineRegistry;
import dev.tether.state.State;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code tether restore}: choose archived sessions, plan what goes back where (reading only), then put them
 * back through the journal once the guard clears it: never over a live file (a live transcript becomes the
 * union of its lines and the archive's), with each file's modification time its last line's timestamp.
 */
public final class RestoreFlow {
    /** What the user asked for. */
    public record Request(String archive, List<String> ids, String project, boolean deleted, boolean all, boolean touch) {
    }

    private final Context ctx;

    public RestoreFlow(Context ctx) {
        this.ctx = ctx;
    }

    /** The archive: {@code --archive}, else {@code $TETHER_ARCHIVE_DIR}, else the recorded one, else the default. */
    public ArchiveLocation.Chosen locate(String option) {
        return new BackupFlow(ctx).locate(option);
    }

    /** An interrupted restore to clean up first; an interrupted setup or unlink is refused (exit 3). Reads only. */
    public Optional<Journal.Pending> pendingRun() throws IOException {
        Optional<Journal.Pending> pending = ctx.journal().pending();
        if (pending.isPresent() && !pending.get().command().equals("restore")) {
            Journal.Pending p = pending.get();
            throw new Failure.Refused("an interrupted " + p.command() + " from " + p.started() + " is pending in "
                    + ctx.journal().file() + "; restore will not start before it is finished. Nothing was changed",
                    "tether " + p.command() + " (finishes it)");
        }
        return pending;
    }

    public String recover(Journal.Pending pending, Guard guard, boolean allowRunning) throws IOException {
        guard.clear(allowRunning);
        return run().recover(pending);
    }

    /** The chosen sessions and what happens to each of their files. Reads only. */
    public RestorePlan plan(ArchiveLayout layout, Request request) throws IOException {
        List<SessionEntry> sessions = ArchivedSessions.select(ArchivedSessions.all(layout, ctx.machine().hostname()),
                ctx.locations().claudeDir(), request.ids(), request.project(), request.deleted(), request.all());
        return Restore.plan(layout, ctx.locations().claudeDir(), sessions, strictest().days(), request.touch(), Instant.now());
    }

    /** Whose retention sweeps soonest: this machine's, or (through the links) another registered machine's. */
    private record Sweeper(int days, String who) {
    }

    private Sweeper strictest() {
        Sweeper here = new Sweeper(ctx.retention().days(), "this machine's retention (" + ctx.retention().describe() + ")");
        Optional<State> state = ctx.stateStore().load();
        if (state.isEmpty() || state.get().items().isEmpty()) {
            return here;
        }
        Sweeper strictest = here;
        String me = MachineId.peek(ctx.locations().stateDir());
        for (MachineRegistry.Machine m : new MachineRegistry(ctx.fs().getPath(state.get().syncedFolder())).all()) {
            if (!m.machineId().equals(me) && m.cleanupPeriodDays() != null && m.cleanupPeriodDays() < strictest.days()) {
                strictest = new Sweeper(m.cleanupPeriodDays(), m.hostname() + "'s retention (" + m.cleanupPeriodDays()
                        + " days), which deletes through the links for every machine");
            }
        }
        return strictest;
    }

    /**
     * Puts the plan in place once the guard clears it. Refuses (exit 3, nothing changed) when this machine's
     * retention would delete restored sessions again at Claude Code's next start, unless {@code --touch}.
     */
    public int apply(RestorePlan plan, Guard guard, boolean allowRunning) throws IOException {
        requireNotSweptAgain(plan);
        if (!plan.changesAnything()) {
            return 0;
        }
        guard.clear(allowRunning);
        return run().run(plan);
    }

    /** The refusal {@link #apply} makes for sessions the sweep would take again. */
    public void requireNotSweptAgain(RestorePlan plan) {
        if (!plan.swept().isEmpty()) {
            Sweeper s = strictest();
            throw new Failure.Refused(plan.swept().size() + " session(s) were last active more than " + s.days() + " days ago, so "
                    + s.who() + " would delete them again at Claude Code's next start (first: " + plan.swept().get(0).id()
                    + "). Nothing was changed", "tether restore ... --touch (gives them the current time), or raise"
                    + " cleanupPeriodDays first (tether setup, or 36500 in settings.json)");
        }
    }

    private RestoreRun run() {
        return new RestoreRun(ctx.journal(), ctx.platform(), ctx.locations().stateDir());
    }
}
