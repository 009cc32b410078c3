package dev.tether.plan;

import dev.tether.retention.Retention;
import java.nio.file.Path;

/**
 * What setup does about Claude Code's retention sweep, which deletes old transcripts by their modification
 * time, through tether's links inside the synced folder too. A closed set, handled through a
 * {@link Visitor}; every kind carries the effective value it found.
 */
public sealed interface RetentionAction {
    Retention now();

    /** The name the plan shows. */
    String name();

    default boolean changes() {
        return false;
    }

    <R> R accept(Visitor<R> visitor);

    /** One method per kind. */
    interface Visitor<R> {
        R retain(Retain retain);

        R keep(Keep keep);

        R skip(Skip skip);

        R unreadable(Unreadable unreadable);
    }

    /** Nobody chose a value: setup adds {@code cleanupPeriodDays: 36500} to {@code settings} (made when {@code creates}). */
    record Retain(Retention now, Path settings, boolean creates) implements RetentionAction {
        @Override
        public String name() {
            return "retain";
        }

        @Override
        public boolean changes() {
            return true;
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.retain(this);
        }
    }

    /**
     * The user or the managed settings chose a value: it is never overridden. {@code warning}, when the
     * value deletes transcripts, names what it deletes and where; null otherwise.
     */
    record Keep(Retention now, String warning) implements RetentionAction {
        @Override
        public String name() {
            return "ok";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.keep(this);
        }
    }

    /** {@code --no-retain}: left as it is; {@code warning} as for {@link Keep}. */
    record Skip(Retention now, String warning) implements RetentionAction {
        @Override
        public String name() {
            return "skip";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.skip(this);
        }
    }

    /** {@code settings.json} is not valid JSON: left untouched and reported. */
    record Unreadable(Retention now, Path settings, String reason) implements RetentionAction {
        @Override
        public String name() {
            return "leave";
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unreadable(this);
        }
    }
}
