package dev.tether.plan;

import dev.tether.layout.Kind;
import java.nio.file.Path;

/** What unlink will do with one recorded item. */
public sealed interface UnlinkAction {
    String item();

    Kind kind();

    Path source();

    Path target();

    String name();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of action, so a new kind that is not handled everywhere does not compile. */
    interface Visitor<R> {
        R restore(Restore restore);

        R leave(Leave leave);

        R missing(TargetMissing missing);
    }

    /** The link is tether's and its target exists: the data comes back (copied, or moved with --remove-synced). */
    record Restore(String item, Kind kind, Path source, Path target, boolean crossDevice, long bytes, long files) implements UnlinkAction {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.restore(this);
        }

        @Override
        public String name() {
            return "restore";
        }
    }

    /** Not the link tether recorded (replaced, re-pointed or gone): reported and left alone. */
    record Leave(String item, Kind kind, Path source, Path target, String reason) implements UnlinkAction {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.leave(this);
        }

        @Override
        public String name() {
            return "leave";
        }
    }

    /** tether's link, but its target is gone: the link stays, nothing is invented, exit 4. */
    record TargetMissing(String item, Kind kind, Path source, Path target) implements UnlinkAction {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.missing(this);
        }

        @Override
        public String name() {
            return "missing";
        }
    }
}
