package dev.tether.find;

/**
 * What {@code tether sessions} (and {@code show}'s digest) keep: sessions of a project, active within a
 * time window, only those whose live file is gone ({@code --deleted}), at most the {@code last} newest
 * (0: all).
 */
public record SessionFilter(ProjectFilter project, TimeWindow window, boolean deletedOnly, int last) {
    public static final SessionFilter ALL = new SessionFilter(ProjectFilter.ANY, TimeWindow.ALWAYS, false, 0);

    /** Whether a session with this summary and status is kept (before {@code last} is applied). */
    public boolean keeps(SessionRow row) {
        SessionSummary s = row.summary();
        if (deletedOnly && row.status() == Origin.LIVE) {
            return false;
        }
        if (!project.matches(s.projectKey(), s.projectPath())) {
            return false;
        }
        return window.overlaps(row.firstActivity(), row.lastActivity());
    }
}
