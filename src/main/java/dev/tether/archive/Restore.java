package dev.tether.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The archive package's entry point for planning a restore. */
public final class Restore {
    private Restore() {
    }

    public static RestorePlan plan(ArchiveLayout layout, Path claudeDir, List<SessionEntry> sessions, int retentionDays,
            boolean touch, Instant now) throws IOException {
        return RestorePlanner.plan(layout, claudeDir, sessions, retentionDays, touch, now);
    }
}
