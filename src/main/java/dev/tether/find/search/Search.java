package dev.tether.find.search;

import dev.tether.find.Catalog;
import dev.tether.find.CatalogEntry;
import dev.tether.find.Problems;
import dev.tether.find.ProjectFilter;
import dev.tether.find.SessionLines;
import dev.tether.find.TimeWindow;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code tether search}: the messages that contain every term, case-insensitively ({@link Fold}),
 * newest session first, in each session in the order written (its own transcript, then its subagents').
 * Sessions are chosen from the listing alone (project folder's name, modification time); a line is
 * read only when the byte pre-filter ({@link Term}) says it may hold every term ({@link MessageFacts}),
 * then its texts decide ({@link MessageMatch}). Sessions are searched a few at a time on as many threads
 * as there are cores (at most {@value #MAX_THREADS}), a batch of them to a task, and the hits handed over in
 * session order as they are found, so memory holds the hits of a few batches, not of all.
 */
public final class Search {
    static final int MAX_THREADS = 4;
    /**
     * At most this many sessions to a task: handing each session to a thread and its hits back woke a thread
     * twice per session, a tenth of a search's time over 20,000 small sessions. The first tasks are of one
     * session, then each twice the one before, so the first hits come as soon as before. Not more: hits that
     * wait longer outlive the young generation, and collecting the old one stops every thread.
     */
    static final int MAX_BATCH = 8;
    /** Tasks in flight per thread: enough that a thread never waits for the one that writes to take a slow task's hits. */
    static final int AHEAD = 4;

    /** The terms (at least one), which sessions, which messages (by their time), and at most how many hits (0: all). */
    public record Query(List<String> terms, ProjectFilter project, TimeWindow window, int limit) {
        public Query {
            terms = List.copyOf(terms);
        }
    }

    /** How many hits were handed over, and whether the limit stopped the search (there may be more). */
    public record Outcome(int hits, boolean limited) {
    }

    private Search() {
    }

    /** Searches, handing each hit to {@code sink} in order. */
    public static Outcome run(Catalog catalog, Query query, Consumer<Hit> sink, Problems problems) {
        return run(catalog, query, h -> h, sink, problems);
    }

    /**
     * Searches, turning each hit into what {@code sink} takes ({@code prepare} runs on the searching threads,
     * so it must be safe to call from several at once: formatting a hit there takes that work off the thread
     * that writes, and a hit leaves only its text behind), handing them to {@code sink} in order.
     */
    public static <T> Outcome run(Catalog catalog, Query query, Function<Hit, T> prepare, Consumer<T> sink,
            Problems problems) {
        HitCollector.Terms terms = HitCollector.Terms.of(query.terms().stream().map(Term::new).toList());
        List<CatalogEntry> sessions = chosen(catalog, query);
        int threads = Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tether-search");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<CandidateLines> scanners = ThreadLocal.withInitial(CandidateLines::new);
        Deque<Future<List<SessionHits<T>>>> ahead = new ArrayDeque<>();
        int next = 0;
        int handed = 0;
        int batch = 1;
        try {
            while (next < sessions.size() || !ahead.isEmpty()) {
                while (next < sessions.size() && ahead.size() < threads * AHEAD) {
                    List<CatalogEntry> some = sessions.subList(next, Math.min(sessions.size(), next + batch));
                    next += some.size();
                    batch = Math.min(MAX_BATCH, batch * 2);
                    ahead.add(pool.submit(() -> {
                        List<SessionHits<T>> found = new ArrayList<>(some.size());
                        for (CatalogEntry session : some) {
                            SessionHits<Hit> hits = new SessionSearch(session, query, terms, scanners.get()).run();
                            List<T> prepared = new ArrayList<>(hits.hits().size());
                            hits.hits().forEach(h -> prepared.add(prepare.apply(h)));
                            found.add(new SessionHits<>(prepared, hits.problems()));
                        }
                        return found;
                    }));
                }
                for (SessionHits<T> done : await(ahead.poll())) {
                    problems.addAll(done.problems());
                    for (T h : done.hits()) {
                        sink.accept(h);
                        if (++handed == query.limit()) {
                            return new Outcome(handed, true);
                        }
                    }
                }
            }
            return new Outcome(handed, false);
        } finally {
            ahead.forEach(f -> f.cancel(false)); // not interrupted: a cancelled read would report a problem that is none
            pool.shutdown();
        }
    }

    /** The sessions to search, newest first: by the folder's name and the file's time, nothing read. */
    private static List<CatalogEntry> chosen(Catalog catalog, Query query) {
        List<Dated> dated = new ArrayList<>();
        for (CatalogEntry e : catalog.entries()) {
            Instant modified = e.modified();
            boolean changedSince = query.window().since() == null || !modified.isBefore(query.window().since());
            if (changedSince && query.project().matches(e.projectKey(), null)) {
                dated.add(new Dated(modified, e));
            }
        }
        // each session's time read once, not at every comparison of the sort
        dated.sort(Comparator.comparing(Dated::modified).reversed().thenComparing(d -> d.entry().id()));
        List<CatalogEntry> sessions = new ArrayList<>(dated.size());
        dated.forEach(d -> sessions.add(d.entry()));
        return sessions;
    }

    private record Dated(Instant modified, CatalogEntry entry) {
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** One session's hits, and the problems met reading it (reported when its hits are taken, so in order). */
    record SessionHits<T>(List<T> hits, Problems problems) {
    }

    /** Searches one session: its own transcript's copies, then each subagent's. */
    private static final class SessionSearch {
        private final CatalogEntry session;
        private final HitCollector.Terms terms;
        private final HitCollector collector;
        private final CandidateLines scanner;
        private final Problems problems = new Problems();

        SessionSearch(CatalogEntry session, Query query, HitCollector.Terms terms, CandidateLines scanner) {
            this.session = session;
            this.scanner = scanner;
            this.terms = terms;
            this.collector = new HitCollector(session, query, terms);
        }

        SessionHits<Hit> run() {
            List<Path> main = session.copies().stream().map(c -> c.transcript().path()).toList();
            if (search(main, null)) {
                for (SessionLines.Subagent agent : SessionLines.subagents(session, problems)) {
                    if (!search(agent.copies(), agent.name())) {
                        break;
                    }
                }
            }
            return new SessionHits<>(collector.hits(), problems);
        }

        private boolean search(List<Path> copies, String subagent) {
            for (Path copy : copies) {
                if (!scanner.scan(copy, terms.anchor(), terms.others(),
                        (buf, from, to, offset) -> collector.consider(buf, from, to, offset, copy, subagent, copies.size() > 1),
                        problems)) {
                    return false;
                }
            }
            return true;
        }
    }
}
