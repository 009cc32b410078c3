package dev.tether.schedule;

import java.time.Duration;
import java.util.Locale;

/** How often the backup job runs. */
public enum Cadence {
    DAILY(Duration.ofDays(1)), HOURLY(Duration.ofHours(1));

    private final Duration period;

    Cadence(Duration period) {
        this.period = period;
    }

    public Duration period() {
        return period;
    }

    /** As the command line and the files say it: {@code daily}, {@code hourly}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
