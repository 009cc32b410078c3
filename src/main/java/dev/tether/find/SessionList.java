package dev.tether.find;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code tether sessions}: every session of the catalog that the filter keeps, newest first. */
public final class SessionList {
    /** Newest activity first; the id breaks ties, so the order never depends on the listing's. */
    public static final Comparator<SessionRow> NEWEST_FIRST = (a, b) -> { // by hand: a chain of comparators cost a tenth of a listing
        int c = b.lastActivity().compareTo(a.lastActivity());
        return c != 0 ? c : a.entry().id().compareTo(b.entry().id());
    };

    private SessionList() {
    }

    public static List<SessionRow> list(Catalog catalog, Summaries summaries, SessionFilter filter, Problems problems) {
        List<SessionRow> rows = new ArrayList<>();
        for (CatalogEntry entry : catalog.entries()) {
            if (filter.deletedOnly() && entry.live()) {
                continue; // no need to read a session that cannot be shown
            }
            SessionRow row = SessionRow.of(entry, summaries.of(entry, problems));
            if (filter.keeps(row)) {
                rows.add(row);
            }
        }
        rows.sort(NEWEST_FIRST);
        return filter.last() > 0 && rows.size() > filter.last() ? List.copyOf(rows.subList(0, filter.last())) : rows;
    }
}
