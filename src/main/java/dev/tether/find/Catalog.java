package dev.tether.find;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;

/**
 * Every session of every source, one entry per session id: a session the archive holds and the live
 * data still has is one session with two copies (the archive's first). Built from listings only;
 * nothing is read. Sorted by id, so a prefix of an id is found by binary search.
 */
public final class Catalog {
    /** A session's copies: the archive's first, then by path, so the order never depends on the listing's. */
    private static final Comparator<StoredSession> ARCHIVE_FIRST = Comparator.comparing((StoredSession s) -> s.origin() == Origin.LIVE)
            .thenComparing(s -> s.transcript().path().toString());

    private final List<CatalogEntry> entries;

    private Catalog(List<CatalogEntry> entries) {
        this.entries = entries;
    }

    /**
     * Groups the copies by id, then sorts the ids alone: sorting 20,000 listed copies through a chain of
     * comparators took longer than reading the cache of their summaries.
     */
    public static Catalog of(List<SessionSource> sources, Problems problems) {
        Map<String, Object> byId = new HashMap<>(); // a StoredSession, or a List of them when there are copies
        for (SessionSource source : sources) {
            for (StoredSession s : source.list(problems)) {
                Object before = byId.putIfAbsent(s.id(), s);
                if (before instanceof StoredSession first) {
                    List<StoredSession> copies = new ArrayList<>(2);
                    copies.add(first);
                    copies.add(s);
                    byId.put(s.id(), copies);
                } else if (before != null) {
                    @SuppressWarnings("unchecked") // only lists of copies are put besides single copies
                    List<StoredSession> copies = (List<StoredSession>) before;
                    copies.add(s);
                }
            }
        }
        String[] ids = byId.keySet().toArray(String[]::new);
        Arrays.sort(ids);
        List<CatalogEntry> entries = new ArrayList<>(ids.length);
        for (String id : ids) {
            Object found = byId.get(id);
            if (found instanceof StoredSession one) {
                entries.add(new CatalogEntry(id, List.of(one)));
            } else {
                @SuppressWarnings("unchecked")
                List<StoredSession> copies = (List<StoredSession>) found;
                copies.sort(ARCHIVE_FIRST);
                entries.add(new CatalogEntry(id, List.copyOf(copies)));
            }
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
