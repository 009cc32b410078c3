package dev.tether.find.search;

import dev.tether.find.CatalogEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the candidate lines of one session into hits: reads the line's facts, keeps messages of the
 * time window that hold every term. A line found in two copies of a transcript (archive and live) is
 * one hit. Stops at the query's limit: one session never needs to give more.
 */
final class HitCollector {
    private final CatalogEntry session;
    private final Search.Query query;
    private final Terms terms;
    private final List<Hit> hits = new ArrayList<>();
    /** The lines met in a copy of the transcript, when it has more than one; made only then. */
    private Set<String> seen;

    /** The query's terms, and which is the anchor: chosen once for a search, not for each session. */
    record Terms(List<Term> all, Term anchor, List<Term> others) {
        static Terms of(List<Term> all) {
            // the longest term is the anchor: the longer the term, the fewer places where it seems to start
            Term anchor = all.stream().max(Comparator.comparingInt(t -> t.folded.length)).orElseThrow();
            return new Terms(all, anchor, all.stream().filter(t -> t != anchor).toList());
        }
    }

    HitCollector(CatalogEntry session, Search.Query query, Terms terms) {
        this.session = session;
        this.query = query;
        this.terms = terms;
    }

    List<Hit> hits() {
        return hits;
    }

    /** Returns false once the limit is reached. */
    boolean consider(byte[] buf, int from, int to, long offset, Path file, String subagent, boolean copies) {
        MessageFacts line = MessageFacts.read(buf, from, to - from);
        if (line == null) {
            return true; // nothing to search (a broken line is for show and sessions to report; search only skips it)
        }
        Instant t = line.timestamp();
        if (t != null && !query.window().contains(t)) {
            return true;
        }
        MessageMatch.Found found = MessageMatch.find(line.fields(), terms.all());
        if (found == null) {
            return true;
        }
        if (copies && seen == null) {
            seen = new HashSet<>();
        }
        if (copies && !seen.add(new String(buf, from, to - from, StandardCharsets.ISO_8859_1))) {
            return true;
        }
        hits.add(new Hit(session.id(), session.projectKey(), line.cwd(), t, line.uuid(), found.field().where(), subagent,
                found.snippet(), file, offset));
        return query.limit() <= 0 || hits.size() < query.limit();
    }
}
