package dev.tether.plan;

import java.nio.file.Path;

/**
 * What setup does about tether's two Claude Code hooks in {@code settings.json} ({@code SessionStart} warns in
 * the session when sessions would be lost, {@code SessionEnd} archives the session that ended). A closed set,
 * handled through a {@link Visitor}.
 */
public sealed interface HooksAction {
    String name();

    default boolean changes() {
        return false;
    }

    <R> R accept(Visitor<R> visitor);

    /** One method per kind. */
    interface Visitor<R> {
        R add(Add add);

        R ok(Ok ok);

        R skip(Skip skip);
    }

    /**
     * tether's entries are missing (or name another tether): they are added to {@code settings}, after the
     * user's own hooks; {@code madeHooks}: the file has no {@code hooks} object yet.
     */
    record Add(Path settings, String start, String end, boolean madeHooks) implements HooksAction {
        @Override
        public String name() {
            return "hooks";
        }

        @Override
        public boolean changes() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.add(this);
        }
    }

    /** tether's entries are there as planned. */
    record Ok(Path settings) implements HooksAction {
        @Override
        public String name() {
            return "ok";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.ok(this);
        }
    }

    /** Not added: {@code --no-hooks}, a settings file that is not valid JSON, or a tether that cannot name itself. */
    record Skip(String reason) implements HooksAction {
        @Override
        public String name() {
            return "skip";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.skip(this);
        }
    }
}
