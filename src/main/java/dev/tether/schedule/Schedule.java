package dev.tether.schedule;

import dev.tether.Failure;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * When the backup job runs: daily at {@code at}, or hourly at {@code at}'s minute; local time of the
 * machine, as cron, systemd, launchd and Task Scheduler all read it.
 */
public record Schedule(Cadence cadence, LocalTime at) {
    /** Midday: a time a laptop is usually awake; where it was asleep, the job catches up when it wakes. */
    public static final LocalTime DEFAULT_AT = LocalTime.of(12, 0);
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 24:00 is not a time of day here

    public Schedule {
        at = at.withSecond(0).withNano(0);
    }

    /**
     * Reads {@code daily}/{@code hourly} and {@code --at HH:MM} (null: the default).
     *
     * @throws Failure.BadInput naming the fix
     */
    public static Schedule parse(String cadence, String at) {
        Cadence c;
        try {
            c = Cadence.valueOf(cadence.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Failure.BadInput("'" + cadence + "' is not a schedule; nothing was changed", "tether schedule daily|hourly|off|status");
        }
        if (at == null) {
            return new Schedule(c, DEFAULT_AT);
        }
        try {
            return new Schedule(c, LocalTime.parse(at, HH_MM));
        } catch (DateTimeParseException e) {
            throw new Failure.BadInput("--at '" + at + "' is not a time of day as HH:MM (00:00 to 23:59); nothing was changed",
                    "tether schedule " + c.id() + " --at 09:30");
        }
    }

    /** {@code 12:00}. */
    public String atText() {
        return at.format(HH_MM);
    }

    /** "daily at 12:00", "hourly at minute 15". */
    public String describe() {
        return cadence == Cadence.DAILY ? "daily at " + atText() : "hourly at minute " + at.getMinute();
    }

    /** The first time after {@code now} the job is due, in {@code now}'s zone. */
    public ZonedDateTime nextAfter(ZonedDateTime now) {
        ZonedDateTime candidate = cadence == Cadence.DAILY
                ? now.with(at)
                : now.withMinute(at.getMinute()).withSecond(0).withNano(0);
        while (!candidate.isAfter(now)) {
            candidate = cadence == Cadence.DAILY ? candidate.plusDays(1).with(at) : candidate.plusHours(1);
        }
        return candidate;
    }
}
