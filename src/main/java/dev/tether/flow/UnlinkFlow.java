package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Executor;
import dev.tether.apply.Job;
import dev.tether.apply.Progress;
import dev.tether.apply.Recovery;
import dev.tether.apply.RunPlan;
import dev.tether.layout.Kind;
import dev.tether.plan.Entry;
import dev.tether.plan.Observer;
import dev.tether.plan.UnlinkAction;
import dev.tether.hooks.HookEntries;
import dev.tether.plan.UnlinkPlanner;
import dev.tether.retention.Retention;
import dev.tether.retention.SettingsFile;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tether unlink}: plan per recorded item (reading only), then bring every recorded link that still
 * points at its recorded target back to real local data. An interrupted setup is undone first, an
 * interrupted unlink finished ({@link #pendingRun}).
 */
public final class UnlinkFlow implements Recovering {
    /**
     * The unlink plan: per item what happens, the restore jobs of the items that come back, and the removal of
     * the {@code cleanupPeriodDays} tether added ({@code unretain}, when this unlink leaves nothing linked and
     * the value is still tether's); {@code retentionNote} says what happens to it, or is null when tether added none.
     */
    public record Prepared(List<UnlinkAction> actions, List<Job.Restore> restores, Optional<Job.Unretain> unretain,
            String retentionNote, Optional<Job.Unhook> unhook, RunPlan runPlan, Optional<State> state) {
        public boolean changesAnything() {
            return !runPlan.jobs().isEmpty();
        }
    }

    private final Context ctx;

    public UnlinkFlow(Context ctx) {
        this.ctx = ctx;
    }

    /** The interrupted run to resolve first: a setup is undone, an unlink finished. Reads only. */
    @Override
    public Optional<Recovery.Resumption> pendingRun() throws IOException {
        return new Recovery(ctx.journal(), executor(Progress.NONE)).beforeUnlink();
    }

    /** Undoes or finishes the interrupted run, once the guard allows writing. */
    @Override
    public String recover(Recovery.Resumption pending, Guard guard, boolean allowRunning) throws IOException {
        guard.clear(allowRunning);
        return new Recovery(ctx.journal(), executor(Progress.NONE)).apply(pending);
    }

    private Executor executor(Progress progress) {
        return new Executor(ctx.platform(), ctx.journal(), ctx.stateStore(), progress, ctx.fs());
    }

    /** Plans per recorded item; reads only. */
    public Prepared prepare(List<String> only, boolean removeSynced) throws IOException {
        Optional<State> state = ctx.stateStore().load();
        List<State.LinkedItem> recorded = state.map(State::items).orElse(List.of());
        for (String name : only) {
            if (recorded.stream().noneMatch(i -> i.name().equals(name))) {
                throw new Failure.BadInput("'" + name + "' is not an item tether linked on this machine; nothing was changed",
                        "tether verify (lists the linked items)");
            }
        }
        List<UnlinkAction> actions = new ArrayList<>();
        List<Job.Restore> jobs = new ArrayList<>();
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
            UnlinkAction action = UnlinkPlanner.decide(rec.name(), Kind.of(rec.kind()), source, target, local, synced, sameDevice);
            actions.add(action);
            if (action instanceof UnlinkAction.Restore r) {
                jobs.add(new Job.Restore(r.item(), r.kind(), source.toString(), target.toString(), r.crossDevice(),
                        removeSynced, r.bytes(), r.files()));
            }
        }
        boolean unlinksAll = only.isEmpty() || recorded.stream().allMatch(i -> only.contains(i.name()));
        State.RetentionMark mark = state.map(State::retention).orElse(null);
        Optional<Job.Unretain> unretain = Optional.empty();
        String note = null;
        if (mark != null) {
            Integer value = settingsValue(mark);
            if (!unlinksAll) {
                note = Retention.KEY + " " + mark.days() + " stays in " + mark.settings() + " while other items stay linked";
            } else if (value == null || value != mark.days()) {
                note = Retention.KEY + " in " + mark.settings() + " is " + (value == null ? "gone" : "now " + value)
                        + ", not the " + mark.days() + " tether added; left as it is";
            } else {
                unretain = Optional.of(new Job.Unretain(Job.Retain.ITEM, Kind.FILE, mark.settings(), mark.settings(),
                        mark.days(), mark.created()));
                note = "remove " + Retention.KEY + " " + mark.days() + " from " + mark.settings() + " (tether added it)";
            }
        }
        Optional<Job.Unhook> unhook = Optional.empty();
        State.HooksMark hooks = state.map(State::hooks).orElse(null);
        if (hooks != null && unlinksAll && new SettingsFile(ctx.fs().getPath(hooks.settings())).read()
                instanceof SettingsFile.Read.Valid v && HookEntries.any(v.settings())) {
            unhook = Optional.of(new Job.Unhook(Job.Hook.ITEM, Kind.FILE, hooks.settings(), hooks.settings(), hooks.madeHooks()));
        }
        List<Job> all = new ArrayList<>(jobs);
        unhook.ifPresent(all::add);
        unretain.ifPresent(all::add);
        RunPlan runPlan = new RunPlan(state.map(State::syncRoot).orElse(""), state.map(State::folder).orElse(""),
                state.map(State::syncedFolder).orElse(""), ctx.locations().claudeDir().toString(), all);
        return new Prepared(actions, jobs, unretain, note, unhook, runPlan, state);
    }

    /** The {@code cleanupPeriodDays} the recorded settings file holds now, or null (no file, no key, not a number). */
    private Integer settingsValue(State.RetentionMark mark) {
        if (new SettingsFile(ctx.fs().getPath(mark.settings())).read() instanceof SettingsFile.Read.Valid v
                && v.settings().path(Retention.KEY).canConvertToInt()) {
            return v.settings().get(Retention.KEY).asInt();
        }
        return null;
    }

    /** Applies the plan once the guard clears it; a link whose target is gone is left and makes the run fail with exit 4 at the end. */
    public void apply(Prepared prepared, Guard guard, boolean allowRunning, Progress progress) throws IOException {
        if (prepared.changesAnything()) {
            long copied = prepared.restores().stream().mapToLong(Job.Restore::bytesCopied).sum();
            guard.clear(allowRunning, List.of(new Guard.Space(ctx.locations().claudeDir(), copied)));
            executor(progress).run("unlink", prepared.runPlan());
        }
        Optional<State> after = ctx.stateStore().load();
        if (after.isPresent()) {
            ctx.machine().write(after.get(), "unlink");
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
}
