package dev.tether.find;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads a line's {@code timestamp}: ISO-8601 (what Claude Code writes in transcripts, with or without
 * an offset) or epoch milliseconds (what {@code history.jsonl} holds). Anything else is no timestamp:
 * a line without one is normal, never an error.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** The instant of an ISO-8601 string or a string of epoch milliseconds; null when it is neither. */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // not UTC with a Z: an offset, or digits
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not with an offset either
        }
        if (text.chars().allMatch(Character::isDigit) && text.length() <= 18) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        return null;
    }

    /** Epoch milliseconds, as a JSON number holds them. */
    public static Instant ofMillis(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
