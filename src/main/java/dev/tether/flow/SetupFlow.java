package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Executor;
import dev.tether.apply.JobSpec;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.apply.RunPlan;
import dev.tether.detect.DetectContext;
import dev.tether.detect.Detection;
import dev.tether.detect.Provider;
import dev.tether.layout.Items;
import dev.tether.plan.Action;
import dev.tether.plan.LinkRights;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code tether setup}: finish an interrupted setup, observe, plan, and (after the CLI has shown the
 * plan and got a yes) apply. Holds the lock from construction (or, on a machine never set up, from the
 * first write) to {@link #close}.
 */
public final class SetupFlow implements AutoCloseable {
    /**
     * What the user asked for; nulls and empty lists mean "use the recorded value or the default".
     * {@code provider} ({@code --provider}) picks the root among the detected ones when {@code syncRoot} is null.
     */
    public record Request(String syncRoot, Provider provider, String folder, List<String> items) {
        public Request(String syncRoot, String folder, List<String> items) {
            this(syncRoot, null, folder, items);
        }
    }

    /** A plan ready to show and apply; {@code recovered} tells about a finished earlier run, {@code root} how the root was chosen. */
    public record Prepared(Plan plan, SyncLayout layout, RunPlan runPlan, Optional<String> recovered, RootChoice.Chosen root) {
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

    /** Takes the lock before the first write (a dry run or a refusal on a new machine writes nothing, not even the lock). */
    public SetupFlow(Context ctx) throws IOException {
        this.ctx = ctx;
        this.lock = Lock.acquireBeforeFirstWrite(ctx.locations().stateDir());
    }

    /**
     * Finishes an interrupted setup (not under {@code --dry-run}, which changes nothing and only says so),
     * then observes and plans.
     */
    public Prepared prepare(Request request, boolean dryRun, boolean allowRunning) throws IOException {
        return prepare(request, dryRun, allowRunning, RootChoice.NO_TERMINAL);
    }

    /** As above; {@code picker} chooses when several sync roots were detected and none was named. */
    public Prepared prepare(Request request, boolean dryRun, boolean allowRunning, RootChoice.Picker picker) throws IOException {
        Optional<String> recovered = finishPendingRun(dryRun, allowRunning);
        Optional<State> state = ctx.stateStore().load();
        RootChoice.Chosen chosen = RootChoice.choose(request.syncRoot(), request.provider(), state.map(State::syncRoot),
                () -> Detection.scan(DetectContext.of(ctx)), ctx.locations().claudeDir(), picker);
        String root = chosen.root();
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
        Plan plan = new Plan(layout.syncRoot(), layout.syncedFolder(),
                LinkRights.refuseUnlinkable(Planner.decide(observations), ctx.platform()));
        return new Prepared(plan, layout, runPlanOf(plan, layout, folder, keptDir()), recovered, chosen);
    }

    /** Items: as asked; else what this machine linked before; else the defaults. */
    private static List<String> chooseItems(Request request, Optional<State> state) {
        if (request.items() != null && !request.items().isEmpty()) {
            return request.items();
        }
        List<String> recorded = state.map(s -> s.items().stream().map(State.LinkedItem::name).toList()).orElse(List.of());
        return recorded.isEmpty() ? Items.DEFAULTS : recorded;
    }

    /** Where a merge keeps local files that differ from their synced copy: {@code <state-dir>/kept/<UTC time>}. */
    private Path keptDir() {
        return ctx.locations().stateDir().resolve("kept").resolve(KEPT_TIME.format(Instant.now()));
    }

    private static final DateTimeFormatter KEPT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private static RunPlan runPlanOf(Plan plan, SyncLayout layout, String folder, Path keptDir) {
        List<JobSpec> jobs = new ArrayList<>();
        for (Action a : plan.actions()) {
            String kind = a.kind() == null ? null : a.kind().id();
            if (a instanceof Action.Move m) {
                jobs.add(new JobSpec(m.item(), JobSpec.MOVE, kind, m.source().toString(), m.target().toString(),
                        m.crossDevice(), false, m.bytes(), m.files()));
            } else if (a instanceof Action.Link l) {
                jobs.add(new JobSpec(l.item(), JobSpec.LINK, kind, l.source().toString(), l.target().toString(),
                        false, false, -1, -1));
            } else if (a instanceof Action.Merge m) {
                jobs.add(new JobSpec(m.item(), JobSpec.MERGE, kind, m.source().toString(), m.target().toString(),
                        true, false, m.bytes(), m.files(), null, keptDir.toString()));
            } else if (a instanceof Action.Relink r) {
                jobs.add(new JobSpec(r.item(), JobSpec.RELINK, kind, r.source().toString(), r.target().toString(),
                        false, false, -1, -1, r.previousTarget().toString(), null));
            }
        }
        return new RunPlan(layout.syncRoot().toString(), folder, layout.syncedFolder().toString(),
                layout.claudeDir().toString(), jobs);
    }

    /**
     * Applies a prepared plan. The CLI calls this only after showing the plan and getting a yes.
     *
     * @return the local files merges kept aside because they differ from their synced copy
     */
    public List<Path> apply(Prepared prepared, boolean allowRunning, Progress progress) throws IOException {
        Plan plan = prepared.plan();
        if (plan.changesAnything()) {
            ctx.requireClaudeNotRunning(allowRunning);
        }
        if (!ctx.env().containsKey("TETHER_TEST_SKIP_SPACE_CHECK")) {
            requireFreeSpace(prepared.layout().syncRoot(), plan.copyBytes());
        }
        lock.hold();
        Executor executor = new Executor(ctx.platform(), ctx.journal(), ctx.stateStore(), progress, ctx.fs());
        if (plan.changesAnything()) {
            executor.run("setup", prepared.runPlan());
        }
        List<State.LinkedItem> ok = plan.actions().stream().filter(a -> a instanceof Action.Ok)
                .map(a -> new State.LinkedItem(a.item(), a.kind().id(), a.target().toString(), null)).toList();
        executor.recordOk(prepared.runPlan(), ok, plan.actions().stream().map(Action::item).toList());
        MachineEntry.write(ctx, ctx.stateStore().load().orElseThrow(), "setup");
        return keptFiles(prepared.runPlan());
    }

    private List<Path> keptFiles(RunPlan runPlan) throws IOException {
        List<Path> kept = new ArrayList<>();
        for (JobSpec job : runPlan.jobs()) {
            Path dir = job.keptDir() == null ? null : ctx.fs().getPath(job.keptDir()).resolve(job.item());
            if (dir != null && Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    files.filter(p -> !Files.isDirectory(p)).forEach(kept::add);
                }
            }
        }
        return kept;
    }

    /** Refuses (exit 3) before a copy of {@code bytes} into {@code dir}'s filesystem that cannot fit. */
    static void requireFreeSpace(Path dir, long bytes) throws IOException {
        if (bytes <= 0) {
            return;
        }
        long usable = Files.getFileStore(dir).getUsableSpace();
        long needed = bytes + bytes / 100 + (1 << 20); // room for directory entries and metadata
        if (usable < needed) {
            throw new Failure.Refused("not enough free space in " + dir + ": the copy needs about "
                    + Sizes.human(needed) + ", " + Sizes.human(usable) + " is free. Nothing was changed",
                    "free some space there (or choose another --sync-root), then run the command again");
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
        lock.hold();
        new Executor(ctx.platform(), journal, ctx.stateStore(), Progress.NONE, ctx.fs()).rollForward(p);
        return Optional.of("finished the interrupted setup from " + p.started());
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
