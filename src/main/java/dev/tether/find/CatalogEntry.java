package dev.tether.find;

import java.time.Instant;
import java.util.List;

/**
 * One session as all sources hold it: its copies, the archive's before the live one (so reading them
 * in order meets the lines in the order first seen). Live while any copy is live.
 */
public record CatalogEntry(String id, List<StoredSession> copies) {
    public CatalogEntry {
        copies = List.copyOf(copies);
    }

    public boolean live() {
        for (StoredSession c : copies) {
            if (c.origin() == Origin.LIVE) {
                return true;
            }
        }
        return false;
    }

    public Origin status() {
        return live() ? Origin.LIVE : Origin.ARCHIVE;
    }

    /** The project folder's name; the live copy's when the copies disagree (a project that moved). */
    public String projectKey() {
        for (StoredSession c : copies) {
            if (c.origin() == Origin.LIVE) {
                return c.projectKey();
            }
        }
        return copies.get(0).projectKey();
    }

    /** The latest modification time of its transcripts: a cheap stand-in for its last activity. */
    public Instant modified() {
        Instant latest = copies.get(0).transcript().modified();
        for (StoredSession c : copies) {
            latest = c.transcript().modified().isAfter(latest) ? c.transcript().modified() : latest;
        }
        return latest;
    }
}
