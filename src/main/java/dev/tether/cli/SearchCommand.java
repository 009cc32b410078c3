package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.find.Catalog;
import dev.tether.find.Printable;
import dev.tether.find.Problems;
import dev.tether.find.search.Hit;
import dev.tether.find.search.Search;
import dev.tether.find.search.Snippet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tether search}: the messages that contain every term. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find the messages (user prompts, assistant text, tool inputs) that contain every TERM, in any case,"
                + " newest session first; each with its session, time, project and a snippet. Exit 0 with hits, 1 without."
                + " Changes nothing.")
public final class SearchCommand implements Callable<Integer> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "TERM", description = "words or phrases that must all be in one message")
    List<String> terms;

    @Mixin
    FindFilters filters;

    @Option(names = "--limit", paramLabel = "N", description = "at most N hits (default: 100; 0: all)")
    int limit = 100;

    @Override
    public Integer call() {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "search");
        ArrayNode termsJson = console.doc().putArray("terms");
        terms.forEach(termsJson::add);
        if (terms.stream().anyMatch(String::isEmpty)) {
            throw new Failure.BadInput("a search term is empty", "tether search WORD...");
        }
        Clock clock = Clock.systemDefaultZone();
        Search.Query query = new Search.Query(terms, filters.projectFilter(), filters.window(clock), Math.max(0, limit));
        Problems problems = new Problems();
        Catalog catalog = Finding.catalog(session, problems);
        ArrayNode hits = console.doc().putArray("hits");
        boolean text = !console.json() && !console.quiet();
        PrintStream out = Finding.utf8(console);
        Path home = session.ctx().locations().home();
        // the project as printed, made once per project; hits are formatted on the searching threads
        java.util.Map<String, String> projects = new java.util.concurrent.ConcurrentHashMap<>();
        Search.Outcome outcome;
        if (console.json() || !text) {
            outcome = Search.run(catalog, query, h -> {
                if (console.json()) {
                    hits.add(toJson(h));
                }
            }, problems);
        } else {
            outcome = Search.run(catalog, query, h -> format(console, h, home, clock.getZone(), projects),
                    bytes -> out.write(bytes, 0, bytes.length), problems);
        }
        console.doc().put("limited", outcome.limited());
        if (text) {
            int n = outcome.hits();
            out.println(n == 0 ? "no message contains " + (terms.size() == 1 ? "the term" : "all the terms")
                    : n + (n == 1 ? " hit" : " hits") + (outcome.limited() ? " (stopped at --limit " + limit + "; there may be more)"
                            : ""));
            out.flush();
        }
        Finding.report(console, problems);
        return outcome.hits() == 0 ? 1 : 0;
    }

    /** A match in red on a terminal; between ** where there is no colour, so it still shows. */
    private static String mark(Console console, String text) {
        String painted = console.paint(text, Console.Paint.RED);
        return painted.equals(text) ? "**" + text + "**" : painted;
    }

    private static ObjectNode toJson(Hit h) {
        ObjectNode o = dev.tether.state.Json.COMPACT.createObjectNode();
        o.put("sessionId", h.sessionId()).put("projectKey", h.projectKey()).put("projectPath", h.projectPath())
                .put("timestamp", h.timestamp() == null ? null : h.timestamp().toString()).put("uuid", h.uuid())
                .put("where", h.where()).put("subagent", h.subagent()).put("snippet", h.snippet().plain());
        ArrayNode parts = o.putArray("parts");
        for (Snippet.Part p : h.snippet().parts()) {
            parts.addObject().put("text", p.text()).put("match", p.match());
        }
        o.put("file", h.file().toString()).put("offset", h.offset());
        return o;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss}, by hand for the years of four digits: a {@link DateTimeFormatter} per hit
     * cost more than the rest of printing it. Other years go through the formatter (its sign and padding).
     */
    static String when(LocalDateTime t) {
        int year = t.getYear();
        if (year < 1 || year > 9999) {
            return WHEN.format(t);
        }
        char[] c = new char[19];
        c[0] = (char) ('0' + year / 1000);
        c[1] = (char) ('0' + year / 100 % 10);
        c[2] = (char) ('0' + year / 10 % 10);
        c[3] = (char) ('0' + year % 10);
        c[4] = '-';
        two(c, 5, t.getMonthValue());
        c[7] = '-';
        two(c, 8, t.getDayOfMonth());
        c[10] = ' ';
        two(c, 11, t.getHour());
        c[13] = ':';
        two(c, 14, t.getMinute());
        c[16] = ':';
        two(c, 17, t.getSecond());
        return new String(c);
    }

    private static void two(char[] c, int at, int v) {
        c[at] = (char) ('0' + v / 10);
        c[at + 1] = (char) ('0' + v % 10);
    }

    /** A thread's line builder: hits are formatted on the searching threads. */
    private static final ThreadLocal<Utf8Builder> LINE = ThreadLocal.withInitial(Utf8Builder::new);

    /**
     * Two lines a hit: which session, when, where, and who; then the snippet, the match marked. As UTF-8 bytes,
     * encoded on the searching thread ({@link Utf8Builder}): the print stream's encoder, on the thread that
     * writes, went a character at a time through buffers.
     */
    private static byte[] format(Console console, Hit h, Path home, ZoneId zone, java.util.Map<String, String> projects) {
        String when = h.timestamp() == null ? "" : when(h.timestamp().atZone(zone).toLocalDateTime());
        if (projects.size() > 1000) {
            projects.clear(); // a cwd per line is possible: keep the memo small
        }
        String project = projects.computeIfAbsent(h.projectPath() == null ? h.projectKey() : h.projectPath(),
                p -> Printable.of(Finding.shortPath(p, home)));
        String where = "(" + Printable.of(h.where()) + (h.subagent() == null ? "" : ", subagent " + h.subagent()) + ")";
        Utf8Builder line = LINE.get().clear();
        line.append(console.paint(h.sessionId().substring(0, Math.min(8, h.sessionId().length())), Console.Paint.CYAN)).append("  ")
                .append(when).append("  ").append(project).append("  ").append(console.paint(where, Console.Paint.DIM))
                .append(System.lineSeparator()).append("    ");
        for (Snippet.Part p : h.snippet().parts()) { // safe to print as they are: a snippet has no control characters
            line.append(p.match() ? mark(console, p.text()) : p.text());
        }
        return line.append(System.lineSeparator()).toBytes();
    }
}
