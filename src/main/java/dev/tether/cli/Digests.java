package dev.tether.cli;

/** The title of a Markdown digest of many sessions: what chose them. */
final class Digests {
    private Digests() {
    }

    static String title(FindFilters filters, int sessions) {
        StringBuilder t = new StringBuilder("# Digest: ").append(sessions).append(sessions == 1 ? " session" : " sessions");
        if (filters.project != null) {
            t.append(" of projects matching \u201c").append(filters.project).append('\u201d');
        }
        if (filters.since != null) {
            t.append(", since ").append(filters.since);
        }
        if (filters.until != null) {
            t.append(", until ").append(filters.until);
        }
        return t.append("\n\n").toString();
    }
}
