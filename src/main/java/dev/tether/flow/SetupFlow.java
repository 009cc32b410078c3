package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Executor;
import dev.tether.apply.Job;
import dev.tether.apply.Progress;
import dev.tether.apply.Recovery;
import dev.tether.apply.RunPlan;
import dev.tether.detect.DetectContext;
import dev.tether.detect.Detection;
import dev.tether.detect.Provider;
import dev.tether.layout.Items;
import dev.tether.layout.Kind;
import dev.tether.layout.Os;
import dev.tether.schedule.JobCommand;
import dev.tether.retention.Retention;
import dev.tether.retention.SettingsFile;
import dev.tether.plan.Action;
import dev.tether.plan.LinkRights;
import dev.tether.plan.Observation;
import dev.tether.plan.Observer;
import dev.tether.plan.Plan;
import dev.tether.plan.Planner;
import dev.tether.plan.HooksAction;
import dev.tether.plan.HooksPlanner;
import dev.tether.plan.RetentionAction;
import dev.tether.plan.RetentionPlanner;
import dev.tether.plan.SyncLayout;
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
 * {@code tether setup}: observe and plan (reading only), then, after the CLI has shown the plan and got a
 * yes, apply it through the guard. An interrupted earlier setup is finished first ({@link #recovery}).
 */
public final class SetupFlow implements Recovering {
    /**
     * What the user asked for; nulls and empty lists mean "use the recorded value or the default".
     * {@code provider} ({@code --provider}) picks the root among the detected ones when {@code syncRoot} is null.
     */
    public record Request(String syncRoot, Provider provider, String folder, List<String> items, boolean noRetain,
            boolean noHooks) {
        public Request(String syncRoot, String folder, List<String> items) {
            this(syncRoot, null, folder, items, false, false);
        }
    }

    /** A plan ready to show and apply; {@code root} says how the root was chosen. */
    public record Prepared(Plan plan, SyncLayout layout, RunPlan runPlan, RootChoice.Chosen root) {
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

    public SetupFlow(Context ctx) {
        this.ctx = ctx;
    }

    /** An interrupted setup to finish before planning; an interrupted unlink is refused (exit 3). Reads only. */
    @Override
    public Optional<Recovery.Resumption> pendingRun() throws IOException {
        return recovery(Progress.NONE).beforeSetup();
    }

    /** Finishes the interrupted setup, once the guard allows writing. */
    @Override
    public String recover(Recovery.Resumption pending, Guard guard, boolean allowRunning) throws IOException {
        guard.clear(allowRunning);
        return recovery(Progress.NONE).apply(pending);
    }

    private Recovery recovery(Progress progress) {
        return new Recovery(ctx.journal(), executor(progress));
    }

    private Executor executor(Progress progress) {
        return new Executor(ctx.platform(), ctx.journal(), ctx.stateStore(), progress, ctx.fs());
    }

    /** Observes and plans; reads only. {@code picker} chooses when several sync roots were detected and none was named. */
    public Prepared prepare(Request request, RootChoice.Picker picker) throws IOException {
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
        SettingsFile settings = ctx.userSettings();
        SettingsFile.Read read = settings.read();
        RetentionAction retention = RetentionPlanner.decide(ctx.retention(), read, settings.path(),
                request.noRetain(), layout.syncedFolder());
        Plan plan = new Plan(layout.syncRoot(), layout.syncedFolder(),
                LinkRights.refuseUnlinkable(Planner.decide(observations), ctx.platform()), retention,
                hooks(read, settings, request.noHooks()));
        return new Prepared(plan, layout, runPlanOf(plan, layout, folder, keptDir()), chosen);
    }

    /** tether's hook commands, pinned to this data dir and state dir, unless this tether cannot start itself again. */
    private HooksAction hooks(SettingsFile.Read read, SettingsFile settings, boolean noHooks) {
        Optional<String[]> commands = Optional.empty();
        String why = null;
        try {
            commands = Optional.of(new String[] {hookCommand("session-start"), hookCommand("session-end")});
        } catch (Failure.BadInput e) {
            why = "hooks not added: " + e.getMessage().replace("; nothing was changed", "");
        }
        return HooksPlanner.decide(read, settings.path(), noHooks, commands, why);
    }

    private String hookCommand(String event) {
        return JobCommand.ofThisProcess(List.of("--claude-dir", ctx.locations().claudeDir().toString(), "--state-dir",
                ctx.locations().stateDir().toString(), "hook", event)).commandLine(ctx.os() == Os.WINDOWS);
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
        List<Job> jobs = new ArrayList<>();
        Action.Visitor<Optional<Job>> jobOf = new Action.Visitor<>() {
            @Override
            public Optional<Job> move(Action.Move m) {
                return Optional.of(new Job.Move(m.item(), m.kind(), m.source().toString(), m.target().toString(),
                        m.crossDevice(), m.bytes(), m.files()));
            }

            @Override
            public Optional<Job> link(Action.Link l) {
                return Optional.of(new Job.Link(l.item(), l.kind(), l.source().toString(), l.target().toString()));
            }

            @Override
            public Optional<Job> merge(Action.Merge m) {
                return Optional.of(new Job.Merge(m.item(), m.kind(), m.source().toString(), m.target().toString(),
                        m.bytes(), m.files(), keptDir.toString()));
            }

            @Override
            public Optional<Job> relink(Action.Relink r) {
                return Optional.of(new Job.Relink(r.item(), r.kind(), r.source().toString(), r.target().toString(),
                        r.previousTarget().toString()));
            }

            @Override
            public Optional<Job> ok(Action.Ok ok) {
                return Optional.empty();
            }

            @Override
            public Optional<Job> absent(Action.Absent absent) {
                return Optional.empty();
            }

            @Override
            public Optional<Job> refuse(Action.Refuse refuse) {
                return Optional.empty(); // a plan with a refusal is never applied
            }
        };
        for (Action a : plan.actions()) {
            a.accept(jobOf).ifPresent(jobs::add);
        }
        if (plan.hooks() instanceof HooksAction.Add h) {
            String settings = h.settings().toString();
            jobs.add(new Job.Hook(Job.Hook.ITEM, Kind.FILE, settings, settings, h.start(), h.end(), h.madeHooks()));
        }
        if (plan.retention() instanceof RetentionAction.Retain r) {
            String settings = r.settings().toString();
            jobs.add(new Job.Retain(Job.Retain.ITEM, Kind.FILE, settings, settings, Retention.KEEP_ALL, r.creates()));
        }
        return new RunPlan(layout.syncRoot().toString(), folder, layout.syncedFolder().toString(),
                layout.claudeDir().toString(), jobs);
    }

    /**
     * Applies a prepared plan once the guard clears it. The CLI calls this only after showing the plan and
     * getting a yes.
     *
     * @return the local files merges kept aside because they differ from their synced copy
     */
    public List<Path> apply(Prepared prepared, Guard guard, boolean allowRunning, Progress progress) throws IOException {
        Plan plan = prepared.plan();
        guard.clear(allowRunning || !plan.changesAnything(),
                List.of(new Guard.Space(prepared.layout().syncRoot(), plan.copyBytes())));
        Executor executor = executor(progress);
        if (plan.changesAnything()) {
            executor.run("setup", prepared.runPlan());
        }
        List<State.LinkedItem> ok = plan.actions().stream().filter(a -> a instanceof Action.Ok)
                .map(a -> new State.LinkedItem(a.item(), a.kind().id(), a.target().toString(), null)).toList();
        executor.recordOk(prepared.runPlan(), ok, plan.actions().stream().map(Action::item).toList());
        ctx.machine().write(ctx.stateStore().load().orElseThrow(), "setup");
        return keptFiles(prepared.runPlan());
    }

    private List<Path> keptFiles(RunPlan runPlan) throws IOException {
        List<Path> kept = new ArrayList<>();
        for (Job job : runPlan.jobs()) {
            Path dir = job instanceof Job.Merge m ? ctx.fs().getPath(m.keptDir()).resolve(m.item()) : null;
            if (dir != null && Files.isDirectory(dir)) {
                try (var files = Files.walk(dir)) {
                    files.filter(p -> !Files.isDirectory(p)).forEach(kept::add);
                }
            }
        }
        return kept;
    }
}
