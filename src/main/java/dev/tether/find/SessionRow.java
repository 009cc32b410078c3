package dev.tether.find;

import java.time.Instant;

/**
 * One row of the listing: a session's summary, whether its live file still exists, and when it was
 * active. A transcript without any timestamp (only types that carry none) is dated by its file's
 * modification time.
 */
public record SessionRow(CatalogEntry entry, SessionSummary summary) {

    public Origin status() {
        return entry.status();
    }

    public Instant lastActivity() {
        return summary.last().orElse(entry.modified());
    }

    public Instant firstActivity() {
        return summary.first().orElse(lastActivity());
    }
}
