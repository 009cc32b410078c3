package dev.tether.retention;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How long Claude Code keeps transcripts on this machine: its {@code cleanupPeriodDays}, from the managed
 * settings when they set it, else the user's {@code settings.json}, else the default 30. Transcripts older
 * than that (by modification time) are deleted at start-up and during long sessions, also through
 * tether's links inside the synced folder. Pure.
 *
 * @param days the effective value (the default when neither file sets a valid one)
 * @param source where it comes from
 * @param problem why a value was not used (not a whole number of at least 1), or null
 */
public record Retention(int days, Source source, String problem) {
    /** The value setup writes: a hundred years, which Claude Code accepts and which keeps everything. */
    public static final int KEEP_ALL = 36500;
    /** Claude Code's default when nothing sets it. */
    public static final int DEFAULT_DAYS = 30;
    public static final String KEY = "cleanupPeriodDays";

    /** Where the effective value was set. */
    public enum Source {
        MANAGED("managed settings"), USER("settings.json"), DEFAULT("Claude Code's default");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** True when transcripts older than {@link #days} are deleted, i.e. any value below {@link #KEEP_ALL}. */
    public boolean deletes() {
        return days < KEEP_ALL;
    }

    /** The effective value from the managed settings and the user's settings (either may be null: no such file or not JSON). */
    public static Retention effective(JsonNode managed, JsonNode user) {
        String problem = null;
        for (Source source : new Source[] {Source.MANAGED, Source.USER}) {
            JsonNode settings = source == Source.MANAGED ? managed : user;
            if (settings == null || !settings.isObject() || !settings.has(KEY)) {
                continue;
            }
            JsonNode value = settings.get(KEY);
            if (value.canConvertToExactIntegral() && value.canConvertToInt() && value.asInt() >= 1) {
                return new Retention(value.asInt(), source, problem);
            }
            // Claude Code rejects 0 and other invalid values (and then ignores that whole settings file)
            problem = "the " + source.label() + " set " + KEY + " to " + value + ", which Claude Code does not accept";
        }
        return new Retention(DEFAULT_DAYS, Source.DEFAULT, problem);
    }

    /** For people: "30 days (Claude Code's default)". */
    public String describe() {
        return days + " days (" + source.label() + ")";
    }
}
