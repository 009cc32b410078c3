package dev.tether.plan;

import dev.tether.layout.Kind;
import java.nio.file.Path;

/**
 * What setup will do with one item. A closed set: the plan is a list of these. Code that handles every
 * kind does it through a {@link Visitor}, so a new kind that is not handled everywhere does not compile.
 */
public sealed interface Action {
    String item();

    /** The item's kind, or null when it exists nowhere. */
    Kind kind();

    Path source();

    Path target();

    /** The action's name as the CLI contract spells it. */
    String name();

    /** Whether applying it changes anything on disk. */
    default boolean changes() {
        return false;
    }

    /** Bytes it copies into the synced folder's filesystem (what the free-space check needs). */
    default long bytesToCopy() {
        return 0;
    }

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of action. */
    interface Visitor<R> {
        R move(Move move);

        R link(Link link);

        R merge(Merge merge);

        R relink(Relink relink);

        R ok(Ok ok);

        R absent(Absent absent);

        R refuse(Refuse refuse);
    }

    /** The data exists only locally: it moves into the synced folder and a link takes its place. */
    record Move(String item, Kind kind, Path source, Path target, boolean crossDevice, long bytes, long files) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.move(this);
        }

        @Override
        public long bytesToCopy() {
            return crossDevice ? Math.max(0, bytes) : 0;
        }

        @Override
        public String name() {
            return "move";
        }

        @Override
        public boolean changes() {
            return true;
        }
    }

    /** The data exists only in the synced folder (a second machine): a link is created. */
    record Link(String item, Kind kind, Path source, Path target) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.link(this);
        }

        @Override
        public String name() {
            return "link";
        }

        @Override
        public boolean changes() {
            return true;
        }
    }

    /**
     * The item exists on both sides (a second machine, or a link that an app replaced with real data):
     * merged file by file into the synced copy, then linked. {@code readopt}: tether had linked it before.
     */
    record Merge(String item, Kind kind, Path source, Path target, long bytes, long files, boolean readopt) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.merge(this);
        }

        /** At most: every local file moves in or is kept. */
        @Override
        public long bytesToCopy() {
            return Math.max(0, bytes);
        }

        @Override
        public String name() {
            return "merge";
        }

        @Override
        public boolean changes() {
            return true;
        }
    }

    /** A link whose target no longer exists, while the planned target does: the link is re-pointed. */
    record Relink(String item, Kind kind, Path source, Path previousTarget, Path target) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.relink(this);
        }

        @Override
        public String name() {
            return "relink";
        }

        @Override
        public boolean changes() {
            return true;
        }
    }

    /** Already linked to the planned target. */
    record Ok(String item, Kind kind, Path source, Path target) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ok(this);
        }

        @Override
        public String name() {
            return "ok";
        }
    }

    /** Exists nowhere; reported, nothing done. */
    record Absent(String item, Kind kind, Path source, Path target) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.absent(this);
        }

        @Override
        public String name() {
            return "absent";
        }
    }

    /** Unsafe to handle; the whole run stops before any change. */
    record Refuse(String item, Kind kind, Path source, Path target, String reason, String hint) implements Action {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.refuse(this);
        }

        @Override
        public String name() {
            return "refuse";
        }
    }
}
