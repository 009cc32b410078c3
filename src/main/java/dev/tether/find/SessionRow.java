package dev.tether.find;

import java.time.Instant;

/**
 * One row of the listing: a session's summary, whether its live file still exists, and when it was
 * active (read from the summary once: sorting asks many times). A transcript without any timestamp
 * (only types that carry none) is dated by its file's modification time.
 */
public record SessionRow(CatalogEntry entry, SessionSummary summary, Instant firstActivity, Instant lastActivity) {

    public static SessionRow of(CatalogEntry entry, SessionSummary summary) {
        Instant last = summary.last().orElse(entry.modified());
        return new SessionRow(entry, summary, summary.first().orElse(last), last);
    }

    public Origin status() {
        return entry.status();
    }
}
