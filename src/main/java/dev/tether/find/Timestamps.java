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
        Instant utc = utc(text);
        if (utc != null) {
            return utc;
        }
        return slow(text);
    }

    /**
     * The fast path: {@code YYYY-MM-DDTHH:MM:SS[.fraction]Z}, the form Claude Code and {@link Instant#toString}
     * write, read by hand. A listing reads two per session and a summary one per line; {@link Instant#parse}
     * costs many times more. Null for anything else (including impossible dates), which then goes the slow
     * way; a test holds the two to the same answers.
     */
    static Instant utc(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(t, 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f * POWERS[9 - fraction];
        } else if (t.charAt(19) != 'Z') {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    /** The number written by {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Whatever else {@link Instant} and {@link OffsetDateTime} read, and digits as epoch milliseconds. */
    static Instant slow(String text) {
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
