package dev.tether.apply;

import dev.tether.Failure;
import dev.tether.IoErrors;
import dev.tether.platform.Platform;
import dev.tether.state.Json;
import dev.tether.state.State;
import dev.tether.state.StateStore;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only code that writes to the Claude data dir and the synced folder. It runs a {@link RunPlan}
 * item by item through the journal, records every finished item in the state file, and on a failure
 * undoes the whole run. It also finishes ({@link #rollForward}) or undoes ({@link #rollBack}) a run
 * that an earlier process left pending.
 */
public final class Executor {
    private final Platform platform;
    private final Journal journal;
    private final StateStore store;
    private final Progress progress;
    private final FileSystem fs;

    public Executor(Platform platform, Journal journal, StateStore store, Progress progress, FileSystem fs) {
        this.platform = platform;
        this.journal = journal;
        this.store = store;
        this.progress = progress;
        this.fs = fs;
    }

    /** Runs a new plan. On failure everything it did is rolled back ({@link Failure.RolledBack}), or the journal keeps it ({@link Failure.Unfinished}). */
    public void run(String command, RunPlan plan) {
        Journal.Run run;
        try {
            run = journal.begin(command, Json.COMPACT.valueToTree(plan));
        } catch (IOException e) {
            throw new Failure.RolledBack("cannot write the journal " + journal.file() + ": " + IoErrors.describe(e)
                    + "; nothing was changed", null, e);
        }
        Map<String, Set<String>> steps = new HashMap<>();
        StepRecorder recorder = (step, item) -> {
            steps.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(step);
            run.record(step, item);
        };
        JobContext context = context(recorder, run.id());
        List<Job> started = new ArrayList<>();
        try {
            for (Job job : plan.jobs()) {
                started.add(job);
                job.forward(context, Set.of());
                note(plan, job, true, context);
            }
            run.commit("done");
        } catch (IOException | RuntimeException e) {
            throw undo(command, plan, run, started, steps, e);
        }
    }

    private JobContext context(StepRecorder recorder, String runId) {
        return new JobContext(platform, recorder, progress, runId, fs);
    }

    private Failure undo(String command, RunPlan plan, Journal.Run run, List<Job> started, Map<String, Set<String>> steps,
            Exception cause) {
        String what = IoErrors.describe(cause);
        List<Job> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        List<String> kept = new ArrayList<>();
        JobContext context = context(StepRecorder.NONE, run.id());
        try {
            for (Job job : reversed) {
                Set<String> done = steps.getOrDefault(job.item(), Set.of());
                if (job.staysWhenRunFails() && done.contains(Journal.COMMITTED)) {
                    kept.add(job.item()); // a finished unlink is a good state of its own: it stays
                    continue;
                }
                job.backward(context, done);
                note(plan, job, false, context);
            }
            run.commit("rolled-back");
        } catch (IOException | RuntimeException e2) {
            return new Failure.Unfinished(command + " failed: " + what + ". Rolling back failed too: " + IoErrors.describe(e2)
                    + ". The journal " + journal.file() + " holds the run.",
                    "tether unlink (undoes the interrupted setup) or tether setup (finishes it)", cause);
        }
        String done = kept.isEmpty() ? "everything it had done was rolled back"
                : "items already unlinked stay unlinked (" + String.join(", ", kept) + "); the rest was left as it was";
        return new Failure.RolledBack(command + " failed: " + what + "; " + done + ".", IoErrors.problem(cause).hint(), cause);
    }

    /** Finishes a pending run from the step its journal reached. */
    public void rollForward(Journal.Pending pending) {
        RunPlan plan = planOf(pending);
        Journal.Run run = journal.resume(pending);
        JobContext context = context(run, run.id());
        try {
            for (Job job : plan.jobs()) {
                job.forward(context, pending.stepsOf(job.item()));
                note(plan, job, true, context);
            }
            run.commit("rolled-forward");
        } catch (IOException | RuntimeException e) {
            throw new Failure.Unfinished("could not finish the interrupted " + pending.command() + " of " + pending.started()
                    + ": " + IoErrors.describe(e) + ". Nothing was lost; the journal still holds the run.",
                    pending.command().equals("setup") ? "tether unlink (undoes it)" : "fix the cause, then run tether unlink again", e);
        }
    }

    /** Undoes a pending setup run, last item first. */
    public void rollBack(Journal.Pending pending) {
        RunPlan plan = planOf(pending);
        Journal.Run run = journal.resume(pending);
        List<Job> reversed = new ArrayList<>(plan.jobs());
        Collections.reverse(reversed);
        JobContext context = context(StepRecorder.NONE, run.id());
        try {
            for (Job job : reversed) {
                job.backward(context, pending.stepsOf(job.item()));
                note(plan, job, false, context);
            }
            run.commit("rolled-back");
        } catch (IOException | RuntimeException e) {
            throw new Failure.Unfinished("could not undo the interrupted " + pending.command() + " of " + pending.started()
                    + ": " + IoErrors.describe(e) + ". Nothing was lost; the journal still holds the run.",
                    "tether setup (finishes it instead)", e);
        }
    }

    /** The plan a pending run's journal holds. */
    public static RunPlan planOf(Journal.Pending pending) {
        try {
            return Json.COMPACT.treeToValue(pending.plan(), RunPlan.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new Failure.Unfinished("the journal's plan for run " + pending.runId() + " cannot be read: " + e.getMessage(),
                    "inspect the journal by hand; no data was changed by reading it", e);
        }
    }

    /** Records a job done ({@code forward}) or undone in the state file, so unlink knows exactly what tether made. */
    private void note(RunPlan plan, Job job, boolean forward, JobContext context) throws IOException {
        String now = Instant.now().toString();
        State state = store.load().orElse(new State(1, plan.syncRoot(), plan.folder(), plan.syncedFolder(), plan.claudeDir(),
                List.of(), List.of(), now));
        store.save(forward ? job.done(state, plan, now) : job.undone(state, now, context));
    }

    /** Records items found already linked as planned (the {@code ok} action), and the root for later runs. */
    public void recordOk(RunPlan plan, List<State.LinkedItem> items, List<String> chosen) throws IOException {
        String now = Instant.now().toString();
        State before = store.load().orElse(new State(1, plan.syncRoot(), plan.folder(), plan.syncedFolder(), plan.claudeDir(),
                List.of(), List.of(), now));
        State state = before.at(plan.syncRoot(), plan.folder(), plan.syncedFolder(), plan.claudeDir(), chosen, now);
        for (State.LinkedItem item : items) {
            if (state.item(item.name()).isEmpty()) {
                state = state.withItem(item, now);
            }
        }
        store.save(state);
    }
}
