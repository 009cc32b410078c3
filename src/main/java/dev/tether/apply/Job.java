package dev.tether.apply;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tether.layout.Kind;
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
    @JsonSubTypes.Type(value = Job.Restore.class, name = "restore")})
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

    /** True when the finished job leaves the item linked (setup's jobs); false when it brings the data back. */
    boolean links();

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

        @Override
        public boolean links() {
            return true;
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

        @Override
        public boolean links() {
            return true;
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

        @Override
        public boolean links() {
            return true;
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

        @Override
        public boolean links() {
            return true;
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
        public boolean links() {
            return false;
        }

        /** Bytes copied onto the Claude data dir's filesystem: none when the data is renamed back. */
        public long bytesCopied() {
            return removeSynced && !crossDevice ? 0 : Math.max(0, bytes);
        }
    }
}
