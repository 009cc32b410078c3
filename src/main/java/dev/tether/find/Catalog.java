package dev.tether.find;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every session of every source, one entry per session id: a session the archive holds and the live
 * data still has is one session with two copies (the archive's first). Built from listings only;
 * nothing is read. Sorted by id, so a prefix of an id is found by binary search.
 */
public final class Catalog {
    private static final Comparator<StoredSession> BY_ID_ARCHIVE_FIRST = Comparator.comparing(StoredSession::id)
            .thenComparing((StoredSession s) -> s.origin() == Origin.LIVE).thenComparing(s -> s.transcript().path().toString());

    private final List<CatalogEntry> entries;

    private Catalog(List<CatalogEntry> entries) {
        this.entries = entries;
    }

    public static Catalog of(List<SessionSource> sources, Problems problems) {
        List<StoredSession> all = new ArrayList<>();
        for (SessionSource source : sources) {
            all.addAll(source.list(problems));
        }
        all.sort(BY_ID_ARCHIVE_FIRST);
        List<CatalogEntry> entries = new ArrayList<>(all.size());
        for (int i = 0; i < all.size();) {
            int j = i + 1;
            while (j < all.size() && all.get(j).id().equals(all.get(i).id())) {
                j++;
            }
            entries.add(new CatalogEntry(all.get(i).id(), all.subList(i, j)));
            i = j;
        }
        return new Catalog(List.copyOf(entries));
    }

    /** Every session, by id. */
    public List<CatalogEntry> entries() {
        return entries;
    }

    /** What an id or a prefix of one names. */
    public sealed interface Lookup {
    }

    public record Found(CatalogEntry entry) implements Lookup {
    }

    public record Ambiguous(List<CatalogEntry> candidates) implements Lookup {
    }

    public record Missing() implements Lookup {
    }

    /** The session with this id, else the one session whose id starts with it. */
    public Lookup find(String idOrPrefix) {
        if (idOrPrefix.isEmpty()) {
            return new Missing();
        }
        int low = 0;
        int high = entries.size();
        while (low < high) { // the first entry whose id is not below the prefix
            int mid = (low + high) >>> 1;
            if (entries.get(mid).id().compareTo(idOrPrefix) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        List<CatalogEntry> candidates = new ArrayList<>();
        for (int i = low; i < entries.size() && entries.get(i).id().startsWith(idOrPrefix); i++) {
            if (entries.get(i).id().equals(idOrPrefix)) {
                return new Found(entries.get(i));
            }
            candidates.add(entries.get(i));
        }
        if (candidates.isEmpty()) {
            return new Missing();
        }
        return candidates.size() == 1 ? new Found(candidates.get(0)) : new Ambiguous(candidates);
    }
}
