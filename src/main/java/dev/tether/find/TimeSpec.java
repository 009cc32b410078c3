package dev.tether.find;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the DATE of {@code --since} and {@code --until}: a day {@code YYYY-MM-DD} in the clock's time
 * zone (since: its start; until: its end, so {@code --until 2026-05-01} includes that day), a time ago
 * ({@code 7d}, {@code 12h}, {@code 30m}, {@code 2w}), or an ISO-8601 instant with an offset. Pure: the
 * clock says what now is and where.
 */
public final class TimeSpec {
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})([wdhm])");

    private TimeSpec() {
    }

    /** The start of a {@code --since} window. */
    public static Instant since(String text, Clock clock) {
        return parse(text, clock, false);
    }

    /** The end (exclusive) of an {@code --until} window. */
    public static Instant until(String text, Clock clock) {
        return parse(text, clock, true);
    }

    private static Instant parse(String text, Clock clock, boolean end) {
        String t = text.strip();
        Matcher ago = AGO.matcher(t);
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration unit = switch (ago.group(2)) {
                case "w" -> Duration.ofDays(7);
                case "d" -> Duration.ofDays(1);
                case "h" -> Duration.ofHours(1);
                default -> Duration.ofMinutes(1);
            };
            return clock.instant().minus(unit.multipliedBy(n));
        }
        try {
            LocalDate day = LocalDate.parse(t);
            return (end ? day.plusDays(1) : day).atStartOfDay(clock.getZone()).toInstant();
        } catch (DateTimeParseException e) {
            // not a day
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date: use YYYY-MM-DD, a time ago such as 7d, 12h,"
                    + " 30m or 2w, or an ISO-8601 time such as 2026-05-01T10:00:00Z");
        }
    }
}
