package dev.tether.find.search;

import dev.tether.find.Catalog;
import dev.tether.find.CatalogEntry;
import dev.tether.find.ProjectFilter;
import dev.tether.find.Problems;
import dev.tether.find.SessionLines;
import dev.tether.find.TimeWindow;
import dev.tether.find.TranscriptFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code tether search}: the messages that contain every term, case-insensitively ({@link Fold}),
 * newest session first, in each session in the order written (its own transcript, then its subagents').
 * Sessions are chosen from the listing alone (project folder's name, modification time); a line is
 * read only when the byte pre-filter ({@link Term}) says it may hold every term ({@link MessageFacts}),
 * then its texts decide ({@link MessageMatch}).
 */
public final class Search {
    /** The terms (at least one), which sessions, which messages (by their time), and at most how many hits (0: all). */
    public record Query(List<String> terms, ProjectFilter project, TimeWindow window, int limit) {
        public Query {
            terms = List.copyOf(terms);
        }
    }

    /** The hits, and whether the limit stopped the search (there may be more). */
    public record Result(List<Hit> hits, boolean limited) {
    }

    private Search() {
    }

    public static Result run(Catalog catalog, Query query, Problems problems) {
        List<Term> terms = query.terms().stream().map(Term::new).toList();
        Term anchor = terms.stream().max(Comparator.comparingInt(t -> t.folded.length)).orElseThrow();
        List<Term> others = terms.stream().filter(t -> t != anchor).toList();
        List<CatalogEntry> sessions = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            boolean changedSince = query.window().since() == null || !e.modified().isBefore(query.window().since());
            if (changedSince && query.project().matches(e.projectKey(), null)) {
                sessions.add(e);
            }
        }
        sessions.sort(Comparator.comparing(CatalogEntry::modified).reversed().thenComparing(CatalogEntry::id));
        List<Hit> hits = new ArrayList<>();
        CandidateLines scanner = new CandidateLines();
        for (CatalogEntry session : sessions) {
            Collector collector = new Collector(session, query, terms, hits, scanner);
            List<TranscriptFile> main = session.copies().stream().map(c -> c.transcript()).toList();
            if (!collector.search(main, null, anchor, others, problems)) {
                return new Result(hits, true);
            }
            for (SessionLines.Subagent agent : SessionLines.subagents(session, problems)) {
                if (!collector.search(agent.copies(), agent.name(), anchor, others, problems)) {
                    return new Result(hits, true);
                }
            }
        }
        return new Result(hits, false);
    }

    /** Turns the candidate lines of one session into hits; a line in several copies of a transcript is one hit. */
    private static final class Collector {
        private final CatalogEntry session;
        private final Query query;
        private final List<Term> terms;
        private final List<Hit> hits;
        private final Set<String> seen = new HashSet<>();
        private final CandidateLines scanner;

        Collector(CatalogEntry session, Query query, List<Term> terms, List<Hit> hits, CandidateLines scanner) {
            this.scanner = scanner;
            this.session = session;
            this.query = query;
            this.terms = terms;
            this.hits = hits;
        }

        /** Returns false once the limit is reached. */
        boolean search(List<TranscriptFile> copies, String subagent, Term anchor, List<Term> others, Problems problems) {
            for (TranscriptFile copy : copies) {
                Path file = copy.path();
                boolean going = scanner.scan(file, anchor, others,
                        (buf, from, to, offset) -> consider(buf, from, to, offset, file, subagent, copies.size() > 1), problems);
                if (!going) {
                    return false;
                }
            }
            return true;
        }

        private boolean consider(byte[] buf, int from, int to, long offset, Path file, String subagent, boolean copies) {
            MessageFacts line = MessageFacts.read(buf, from, to - from);
            if (line == null) {
                return true; // broken lines are for show and sessions to report; search only skips them
            }
            Instant t = line.timestamp();
            if (line.fields().isEmpty() || t != null && !query.window().contains(t)) {
                return true;
            }
            MessageMatch.Found found = MessageMatch.find(line.fields(), terms);
            if (found == null) {
                return true;
            }
            if (copies && !seen.add(new String(buf, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                return true;
            }
            hits.add(new Hit(session.id(), session.projectKey(), line.cwd(), t, line.uuid(), found.field().where(), subagent,
                    found.snippet(), file, offset));
            return query.limit() <= 0 || hits.size() < query.limit();
        }
    }
}
