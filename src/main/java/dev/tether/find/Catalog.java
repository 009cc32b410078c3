package dev.tether.find;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every session of every source, one entry per session id: a session the archive holds and the live
 * data still has is one session with two copies. Built from listings only; nothing is read.
 */
public final class Catalog {
    private final TreeMap<String, CatalogEntry> byId;

    private Catalog(TreeMap<String, CatalogEntry> byId) {
        this.byId = byId;
    }

    public static Catalog of(List<SessionSource> sources, Problems problems) {
        Map<String, List<StoredSession>> copies = new TreeMap<>();
        for (SessionSource source : sources) {
            for (StoredSession s : source.list(problems)) {
                copies.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s);
            }
        }
        TreeMap<String, CatalogEntry> byId = new TreeMap<>();
        Comparator<StoredSession> archiveFirst = Comparator.comparing((StoredSession s) -> s.origin() == Origin.LIVE)
                .thenComparing(s -> s.transcript().path().toString());
        copies.forEach((id, list) -> {
            list.sort(archiveFirst);
            byId.put(id, new CatalogEntry(id, list));
        });
        return new Catalog(byId);
    }

    /** Every session, by id. */
    public List<CatalogEntry> entries() {
        return List.copyOf(byId.values());
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
        CatalogEntry exact = byId.get(idOrPrefix);
        if (exact != null) {
            return new Found(exact);
        }
        List<CatalogEntry> candidates = new ArrayList<>();
        for (Map.Entry<String, CatalogEntry> e : byId.tailMap(idOrPrefix, true).entrySet()) {
            if (!e.getKey().startsWith(idOrPrefix)) {
                break;
            }
            candidates.add(e.getValue());
        }
        if (idOrPrefix.isEmpty() || candidates.isEmpty()) {
            return new Missing();
        }
        return candidates.size() == 1 ? new Found(candidates.get(0)) : new Ambiguous(candidates);
    }
}
