package dev.tether.find;

/** Where a copy of a session is: Claude Code's live data dir, or tether's archive. */
public enum Origin {
    LIVE("live"), ARCHIVE("archived");

    private final String id;

    Origin(String id) {
        this.id = id;
    }

    /** As the listing and {@code --json} say it: {@code live}, {@code archived}. */
    public String id() {
        return id;
    }
}
