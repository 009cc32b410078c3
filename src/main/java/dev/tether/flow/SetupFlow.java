package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Executor;
import dev.tether.apply.JobSpec;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.apply.RunPlan;
import dev.tether.layout.Items;
import dev.tether.plan.Action;
import dev.tether.plan.Observation;
import dev.tether.plan.Observer;
import dev.tether.plan.Plan;
import dev.tether.plan.Planner;
import dev.tether.plan.SyncLayout;
import dev.tether.state.Lock;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tether setup}: finish an interrupted setup, observe, plan, and (after the CLI has shown the
 * plan and got a yes) apply. Holds the lock from construction to {@link #close} (a dry run on a machine
 * never set up takes none).
 */
public final class SetupFlow implements AutoCloseable {
    /** What the user asked for; nulls and empty lists mean "use the recorded value or the default". */
    public record Request(String syncRoot, String folder, List<String> items) {
    }

    /** A plan ready to show and apply; {@code recovered} tells about a finished earlier run. */
    public record Prepared(Plan plan, SyncLayout layout, RunPlan runPlan, Optional<String> recovered) {
        /** Stops the run, with nothing changed, when any item was refused. */
        public void requireNoRefusals() {
            List<Action.Refuse> refused = plan.refusals();
            if (!refused.isEmpty()) {
                Action.Refuse first = refused.get(0);
                throw new Failure.BadInput("setup refused " + refused.size() + " item(s), so it changed nothing. First: "
                        + first.item() + ": " + first.reason(), first.hint());
            }
        }
    }

    private final Context ctx;
    private final Lock lock;

    public SetupFlow(Context ctx) throws IOException {
        this(ctx, false);
    }

    /**
     * @param dryRun a dry run creates nothing: on a machine without a state dir there is nothing to lock
     *     yet, so it takes no lock and makes no lock file
     */
    public SetupFlow(Context ctx, boolean dryRun) throws IOException {
        this.ctx = ctx;
        Path stateDir = ctx.locations().stateDir();
        this.lock = dryRun && !Files.isDirectory(stateDir) ? null : Lock.acquire(stateDir);
    }

    /**
     * Finishes an interrupted setup (not under {@code --dry-run}, which changes nothing and only says so),
     * then observes and plans.
     */
    public Prepared prepare(Request request, boolean dryRun, boolean allowRunning) throws IOException {
        Optional<String> recovered = finishPendingRun(dryRun, allowRunning);
        Optional<State> state = ctx.stateStore().load();
        String root = request.syncRoot() != null ? request.syncRoot() : state.map(State::syncRoot).orElseThrow(() ->
                new Failure.BadInput("no sync root: this machine was never set up, so tether needs to know where your sync"
                        + " client's folder is. Nothing was changed", "tether setup --sync-root DIR"));
        String folder = request.folder() != null ? request.folder()
                : state.map(State::folder).orElse(SyncLayout.DEFAULT_FOLDER);
        Path claudeDir = ctx.locations().claudeDir();
        Path stateDir = ctx.locations().stateDir();
        String stateDirName = claudeDir.equals(stateDir.getParent()) ? stateDir.getFileName().toString() : null;
        List<String> items = Items.validate(chooseItems(request, state), stateDirName);
        SyncLayout layout = SyncLayout.resolve(claudeDir, ctx.fs().getPath(root).toAbsolutePath(), folder, stateDir);

        Observer observer = new Observer(ctx.platform());
        List<Observation> observations = new ArrayList<>();
        for (String item : items) {
            Optional<Path> recorded = state.flatMap(s -> s.item(item)).map(i -> ctx.fs().getPath(i.target()));
            observations.add(observer.observe(item, layout, recorded));
        }
        Plan plan = new Plan(layout.syncRoot(), layout.syncedFolder(), Planner.decide(observations));
        return new Prepared(plan, layout, runPlanOf(plan, layout, folder), recovered);
    }

    /** Items: as asked; else what this machine linked before; else the defaults. */
    private static List<String> chooseItems(Request request, Optional<State> state) {
        if (request.items() != null && !request.items().isEmpty()) {
            return request.items();
        }
        List<String> recorded = state.map(s -> s.items().stream().map(State.LinkedItem::name).toList()).orElse(List.of());
        return recorded.isEmpty() ? Items.DEFAULTS : recorded;
    }

    private static RunPlan runPlanOf(Plan plan, SyncLayout layout, String folder) {
        List<JobSpec> jobs = new ArrayList<>();
        for (Action a : plan.actions()) {
            if (a instanceof Action.Move m) {
                jobs.add(new JobSpec(m.item(), JobSpec.MOVE, m.kind().id(), m.source().toString(), m.target().toString(),
                        m.crossDevice(), false, m.bytes(), m.files()));
            } else if (a instanceof Action.Link l) {
                jobs.add(new JobSpec(l.item(), JobSpec.LINK, l.kind().id(), l.source().toString(), l.target().toString(),
                        false, false, -1, -1));
            }
        }
        return new RunPlan(layout.syncRoot().toString(), folder, layout.syncedFolder().toString(),
                layout.claudeDir().toString(), jobs);
    }

    /** Applies a prepared plan. The CLI calls this only after showing the plan and getting a yes. */
    public void apply(Prepared prepared, boolean allowRunning, Progress progress) throws IOException {
        Plan plan = prepared.plan();
        if (plan.changesAnything()) {
            ctx.requireClaudeNotRunning(allowRunning);
        }
        if (plan.crossDeviceBytes() > 0 && !ctx.env().containsKey("TETHER_TEST_SKIP_SPACE_CHECK")) {
            requireFreeSpace(prepared.layout().syncRoot(), plan.crossDeviceBytes());
        }
        Executor executor = new Executor(ctx.platform(), ctx.journal(), ctx.stateStore(), progress, ctx.fs());
        if (plan.changesAnything()) {
            executor.run("setup", prepared.runPlan());
        }
        List<State.LinkedItem> ok = plan.actions().stream().filter(a -> a instanceof Action.Ok)
                .map(a -> new State.LinkedItem(a.item(), a.kind().id(), a.target().toString(), null)).toList();
        executor.recordOk(prepared.runPlan(), ok, plan.actions().stream().map(Action::item).toList());
        MachineEntry.write(ctx, ctx.stateStore().load().orElseThrow(), "setup");
    }

    private static void requireFreeSpace(Path syncRoot, long bytes) throws IOException {
        long usable = Files.getFileStore(syncRoot).getUsableSpace();
        long needed = bytes + bytes / 100 + (1 << 20); // room for directory entries and metadata
        if (usable < needed) {
            throw new Failure.Refused("not enough free space in " + syncRoot + ": the copy needs about "
                    + Sizes.human(needed) + ", " + Sizes.human(usable) + " is free. Nothing was changed",
                    "free some space there, or choose another --sync-root");
        }
    }

    /** Rolls an interrupted setup forward; an interrupted unlink must be finished by unlink first. */
    private Optional<String> finishPendingRun(boolean dryRun, boolean allowRunning) throws IOException {
        Journal journal = ctx.journal();
        Optional<Journal.Pending> pending = journal.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        Journal.Pending p = pending.get();
        if (!p.command().equals("setup")) {
            throw new Failure.Refused("an interrupted " + p.command() + " from " + p.started() + " is pending in "
                    + journal.file() + "; setup will not start before it is finished. Nothing was changed",
                    "tether " + p.command() + " (finishes it)");
        }
        if (dryRun) {
            return Optional.of("an interrupted setup from " + p.started() + " is pending; setup without --dry-run finishes it"
                    + " first (the plan below is from the disk as it is now)");
        }
        ctx.requireClaudeNotRunning(allowRunning);
        new Executor(ctx.platform(), journal, ctx.stateStore(), Progress.NONE, ctx.fs()).rollForward(p);
        return Optional.of("finished the interrupted setup from " + p.started());
    }

    @Override
    public void close() {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            // the OS releases the lock when the process ends anyway
        }
    }

}
