package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Executor;
import dev.tether.apply.JobSpec;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.apply.RunPlan;
import dev.tether.layout.Kind;
import dev.tether.plan.Entry;
import dev.tether.plan.Observer;
import dev.tether.plan.UnlinkAction;
import dev.tether.plan.UnlinkPlanner;
import dev.tether.state.Lock;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code tether unlink}: undo an interrupted setup (or finish an interrupted unlink), then bring every
 * recorded link that still points at its recorded target back to real local data.
 */
public final class UnlinkFlow implements AutoCloseable {
    /** The unlink plan; {@code recovered} tells about an interrupted run that was undone or finished. */
    public record Prepared(List<UnlinkAction> actions, RunPlan runPlan, Optional<State> state, Optional<String> recovered) {
        public boolean changesAnything() {
            return !runPlan.jobs().isEmpty();
        }
    }

    private final Context ctx;
    private final Lock lock;

    /** Takes the lock before the first write (a dry run or a refusal on a new machine writes nothing, not even the lock). */
    public UnlinkFlow(Context ctx) throws IOException {
        this.ctx = ctx;
        this.lock = Lock.acquireBeforeFirstWrite(ctx.locations().stateDir());
    }

    /** Resolves an interrupted run (not under {@code --dry-run}), then plans per recorded item. */
    public Prepared prepare(List<String> only, boolean removeSynced, boolean dryRun, boolean allowRunning) throws IOException {
        Optional<String> recovered = resolvePendingRun(dryRun, allowRunning);
        Optional<State> state = ctx.stateStore().load();
        List<State.LinkedItem> recorded = state.map(State::items).orElse(List.of());
        for (String name : only) {
            if (recorded.stream().noneMatch(i -> i.name().equals(name))) {
                throw new Failure.BadInput("'" + name + "' is not an item tether linked on this machine; nothing was changed",
                        "tether verify (lists the linked items)");
            }
        }
        List<UnlinkAction> actions = new ArrayList<>();
        List<JobSpec> jobs = new ArrayList<>();
        for (State.LinkedItem rec : recorded) {
            if (!only.isEmpty() && !only.contains(rec.name())) {
                continue;
            }
            Path source = ctx.locations().claudeDir().resolve(rec.name());
            Path target = ctx.fs().getPath(rec.target());
            Entry local = Observer.look(source, false, ctx.platform());
            boolean sameDevice = !Files.exists(target) || ctx.platform().sameDevice(ctx.locations().claudeDir(), target);
            // counted when the data will be copied, for the free-space check and the progress line
            Entry synced = Observer.look(target, !(removeSynced && sameDevice), ctx.platform());
            Kind kind = Kind.valueOf(rec.kind().toUpperCase(Locale.ROOT));
            UnlinkAction action = UnlinkPlanner.decide(rec.name(), kind, source, target, local, synced, sameDevice);
            actions.add(action);
            if (action instanceof UnlinkAction.Restore r) {
                jobs.add(new JobSpec(r.item(), JobSpec.RESTORE, r.kind().id(), source.toString(), target.toString(),
                        r.crossDevice(), removeSynced, r.bytes(), r.files()));
            }
        }
        RunPlan runPlan = new RunPlan(state.map(State::syncRoot).orElse(""), state.map(State::folder).orElse(""),
                state.map(State::syncedFolder).orElse(""), ctx.locations().claudeDir().toString(), jobs);
        return new Prepared(actions, runPlan, state, recovered);
    }

    /** Applies the plan; a link whose target is gone is left and makes the run fail with exit 4 at the end. */
    public void apply(Prepared prepared, boolean allowRunning, Progress progress) throws IOException {
        if (prepared.changesAnything()) {
            ctx.requireClaudeNotRunning(allowRunning);
            long copied = prepared.runPlan().jobs().stream().filter(j -> !(j.removeSynced() && !j.crossDevice()))
                    .mapToLong(j -> Math.max(0, j.bytes())).sum();
            if (!ctx.env().containsKey("TETHER_TEST_SKIP_SPACE_CHECK")) {
                SetupFlow.requireFreeSpace(ctx.locations().claudeDir(), copied);
            }
            lock.hold();
            new Executor(ctx.platform(), ctx.journal(), ctx.stateStore(), progress, ctx.fs()).run("unlink", prepared.runPlan());
        }
        Optional<State> after = ctx.stateStore().load();
        if (after.isPresent()) {
            MachineEntry.write(ctx, after.get(), "unlink");
        }
        List<String> missing = prepared.actions().stream().filter(a -> a instanceof UnlinkAction.TargetMissing)
                .map(a -> a.item() + " (" + a.target() + ")").toList();
        if (!missing.isEmpty()) {
            throw new Failure.RolledBack("the synced data of " + String.join(", ", missing) + " is gone, so those links were left"
                    + " as they are and nothing was invented; every other item was handled as shown",
                    "restore the synced folder (from the sync client's trash or another machine), then run tether unlink again",
                    null);
        }
    }

    /** An interrupted setup is undone; an interrupted unlink is finished. */
    private Optional<String> resolvePendingRun(boolean dryRun, boolean allowRunning) throws IOException {
        Journal journal = ctx.journal();
        Optional<Journal.Pending> pending = journal.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Journal.Pending p = pending.get();
        if (dryRun) {
            return Optional.of("an interrupted " + p.command() + " from " + p.started() + " is pending; unlink without --dry-run "
                    + (p.command().equals("setup") ? "undoes" : "finishes") + " it first");
        }
        ctx.requireClaudeNotRunning(allowRunning);
        lock.hold();
        Executor executor = new Executor(ctx.platform(), journal, ctx.stateStore(), Progress.NONE, ctx.fs());
        if (p.command().equals("setup")) {
            executor.rollBack(p);
            return Optional.of("undid the interrupted setup from " + p.started());
        }
        executor.rollForward(p);
        return Optional.of("finished the interrupted unlink from " + p.started());
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (IOException e) {
            // released by the OS at exit anyway
        }
    }
}
