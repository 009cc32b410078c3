package dev.tether.apply;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tether.hooks.HookEntries;
import dev.tether.layout.Kind;
import dev.tether.state.State;
import java.io.IOException;
import java.util.Set;

/**
 * One item's work in a run, exactly as the journal's {@code planned} line records it, so a later run
 * rebuilds the same job to finish or undo it. Each kind carries only its own fields and its own
 * {@link #forward}/{@link #backward}: a new kind that does not implement them does not compile.
 *
 * <p>The JSON type id is the {@code action} field the journal has always had ({@code move}, {@code link},
 * {@code merge}, {@code relink}, {@code restore}), so journals written before these types existed still
 * read; fields a kind does not use are ignored. Paths are kept as the strings the plan printed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Job.Move.class, name = "move"),
    @JsonSubTypes.Type(value = Job.Link.class, name = "link"),
    @JsonSubTypes.Type(value = Job.Merge.class, name = "merge"),
    @JsonSubTypes.Type(value = Job.Relink.class, name = "relink"),
    @JsonSubTypes.Type(value = Job.Restore.class, name = "restore"),
    @JsonSubTypes.Type(value = Job.Retain.class, name = "retain"),
    @JsonSubTypes.Type(value = Job.Unretain.class, name = "unretain"),
    @JsonSubTypes.Type(value = Job.Hook.class, name = "hook"),
    @JsonSubTypes.Type(value = Job.Unhook.class, name = "unhook")})
public sealed interface Job {
    String item();

    Kind kind();

    /** The item's path in the Claude data dir. */
    String source();

    /** The item's path in the synced folder. */
    String target();

    /** Brings the item to its done state. {@code done}: the steps the journal already holds for it. */
    void forward(JobContext c, Set<String> done) throws IOException;

    /** Brings the item back to how it was before the run. */
    void backward(JobContext c, Set<String> done) throws IOException;

    /** The state file once this job is done: by default, the item linked to its target, at the plan's root. */
    default State done(State state, RunPlan plan, String now) {
        return state.at(plan.syncRoot(), plan.folder(), plan.syncedFolder(), plan.claudeDir(), state.chosen(), now)
                .withItem(new State.LinkedItem(item(), kind().id(), target(), now), now);
    }

    /** The state file once this job is undone: by default, the item not linked. */
    default State undone(State state, String now, JobContext c) throws IOException {
        return state.withoutItem(item(), now);
    }

    /**
     * True when a finished job stays finished although a later job of its run fails (unlink's: each item
     * back is a good state of its own); false when the whole run is rolled back (setup's).
     */
    default boolean staysWhenRunFails() {
        return false;
    }

    /** The data exists only locally: it moves into the synced folder and a link takes its place. */
    record Move(String item, Kind kind, String source, String target, boolean crossDevice, long bytes, long files)
            implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new MoveSteps(this, c).forward(done);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            new MoveSteps(this, c).backward(done);
        }

    }

    /** The data exists only in the synced folder (a second machine): a link is made. */
    record Link(String item, Kind kind, String source, String target) implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new LinkSteps(this, c).forward(done);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            new LinkSteps(this, c).backward(done);
        }

    }

    /**
     * The item exists on both sides: merged into the synced copy, then linked.
     *
     * @param keptDir where local files that differ from their synced copy are kept ({@code <state-dir>/kept/<time>})
     */
    record Merge(String item, Kind kind, String source, String target, long bytes, long files, String keptDir)
            implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new MergeSteps(this, c).forward(done);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            new MergeSteps(this, c).backward(done);
        }

    }

    /** A dangling link re-pointed at the planned target; {@code previousTarget} is where it pointed before. */
    record Relink(String item, Kind kind, String source, String target, String previousTarget) implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new RelinkSteps(this, c).forward(done);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            new RelinkSteps(this, c).backward(done);
        }

    }

    /**
     * Unlink: the linked item becomes real local data again.
     *
     * @param removeSynced move the data back instead of copying it (the synced copy goes)
     */
    record Restore(String item, Kind kind, String source, String target, boolean crossDevice, boolean removeSynced,
            long bytes, long files) implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new RestoreSteps(this, c).forward(done);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            new RestoreSteps(this, c).backward(done);
        }


        @Override
        public State done(State state, RunPlan plan, String now) {
            return state.withoutItem(item, now);
        }

        /** Undone before its swap, the item is still tether's link; after it, the item stays restored. */
        @Override
        public State undone(State state, String now, JobContext c) throws IOException {
            return Trees.isLinkTo(c.path(source), c.path(target))
                    ? state.withItem(new State.LinkedItem(item, kind.id(), target, now), now)
                    : state.withoutItem(item, now);
        }

        @Override
        public boolean staysWhenRunFails() {
            return true;
        }

        /** Bytes copied onto the Claude data dir's filesystem: none when the data is renamed back. */
        public long bytesCopied() {
            return removeSynced && !crossDevice ? 0 : Math.max(0, bytes);
        }
    }

    /**
     * Adds {@code cleanupPeriodDays} to the user's {@code settings.json} (made when {@code created}), so Claude
     * Code's retention sweep stops deleting transcripts through the links. {@code item} is the journal's
     * key for it; {@code source} and {@code target} are the settings file.
     */
    record Retain(String item, Kind kind, String source, String target, int days, boolean created) implements Job {
        /** The journal's key for the retention step (no item of the Claude data dir has this name). */
        public static final String ITEM = "settings.json#cleanupPeriodDays";

        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            RetentionEdits.add(new SettingsSteps(c, source, item), days);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            RetentionEdits.remove(new SettingsSteps(c, source, item), days, created);
        }

        @Override
        public State done(State state, RunPlan plan, String now) {
            return state.withRetention(new State.RetentionMark(source, created, days, now), now);
        }

        @Override
        public State undone(State state, String now, JobContext c) throws IOException {
            return state.withRetention(null, now);
        }
    }

    /** Unlink: removes the {@code cleanupPeriodDays} tether added, while it still holds tether's value. */
    record Unretain(String item, Kind kind, String source, String target, int days, boolean created) implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            RetentionEdits.remove(new SettingsSteps(c, source, item), days, created);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            RetentionEdits.add(new SettingsSteps(c, source, item), days);
        }

        @Override
        public State done(State state, RunPlan plan, String now) {
            return state.withRetention(null, now);
        }

        @Override
        public State undone(State state, String now, JobContext c) throws IOException {
            return state.withRetention(new State.RetentionMark(source, created, days, now), now);
        }

        @Override
        public boolean staysWhenRunFails() {
            return true;
        }
    }

    /**
     * Adds tether's {@code SessionStart} and {@code SessionEnd} hooks to the user's {@code settings.json},
     * after the user's own ({@code madeHooks}: the file had no {@code hooks} object).
     */
    record Hook(String item, Kind kind, String source, String target, String start, String end, boolean madeHooks)
            implements Job {
        /** The journal's key for the hooks step. */
        public static final String ITEM = "settings.json#hooks";

        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new SettingsSteps(c, source, item).edit(s -> HookEntries.present(s, start, end), s -> HookEntries.add(s, start, end),
                    false);
        }

        @Override
        public void backward(JobContext c, Set<String> done) throws IOException {
            new SettingsSteps(c, source, item).edit(s -> !HookEntries.any(s), s -> HookEntries.remove(s, madeHooks), false);
        }

        @Override
        public State done(State state, RunPlan plan, String now) {
            return state.withHooks(new State.HooksMark(source, madeHooks, now), now);
        }

        @Override
        public State undone(State state, String now, JobContext c) {
            return state.withHooks(null, now);
        }
    }

    /** Unlink: removes tether's hooks again, and only them. */
    record Unhook(String item, Kind kind, String source, String target, boolean madeHooks) implements Job {
        @Override
        public void forward(JobContext c, Set<String> done) throws IOException {
            new SettingsSteps(c, source, item).edit(s -> !HookEntries.any(s), s -> HookEntries.remove(s, madeHooks), false);
        }

        @Override
        public void backward(JobContext c, Set<String> done) {
            // the entries named the tether of the setup; the next setup adds them again with this one's path
        }

        @Override
        public State done(State state, RunPlan plan, String now) {
            return state.withHooks(null, now);
        }

        @Override
        public State undone(State state, String now, JobContext c) {
            return state;
        }

        @Override
        public boolean staysWhenRunFails() {
            return true;
        }
    }
}
