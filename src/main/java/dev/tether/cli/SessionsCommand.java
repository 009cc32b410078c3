package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Main;
import dev.tether.find.Catalog;
import dev.tether.find.Origin;
import dev.tether.find.Printable;
import dev.tether.find.Problems;
import dev.tether.find.SessionFilter;
import dev.tether.find.SessionList;
import dev.tether.find.SessionRow;
import dev.tether.find.SessionSummary;
import dev.tether.find.Summaries;
import dev.tether.flow.Sizes;
import dev.tether.state.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tether sessions}: the sessions of the live data (and, later, the archive), newest first. */
@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = "List Claude Code sessions, newest first: last activity, project, id, messages, size, live or"
                + " archived, and the first prompt. Changes nothing in the Claude data dir; a cache of summaries in the"
                + " state dir makes the next listing fast.")
public final class SessionsCommand implements Callable<Integer> {
    private static final int PROMPT = 60;
    private static final int PROJECT = 32;

    @ParentCommand
    Main main;

    @Mixin
    FindFilters filters;

    @Option(names = "--last", paramLabel = "N", description = "only the N newest")
    int last;

    @Option(names = "--deleted", description = "only archived sessions whose live file is gone")
    boolean deleted;

    @Override
    public Integer call() {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "sessions");
        Clock clock = Clock.systemDefaultZone();
        SessionFilter filter = new SessionFilter(filters.projectFilter(), filters.window(clock), deleted, Math.max(0, last));
        Problems problems = new Problems();
        // the cache of summaries is read while the sessions are listed: both are needed before the first row
        java.util.concurrent.CompletableFuture<Summaries> cached = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> Finding.summaries(session), Finding.BESIDE);
        Catalog catalog = Finding.catalog(session, problems);
        Summaries summaries = cached.join();
        List<SessionRow> rows = SessionList.list(catalog, summaries, filter, problems);
        if (!summaries.save(catalog)) {
            console.detail("the summary cache in the state dir could not be written; the next listing reads every transcript again");
        }
        if (console.json()) {
            ArrayNode json = console.doc().putArray("sessions");
            rows.forEach(r -> json.add(toJson(r)));
        }
        Finding.report(console, problems);
        if (!console.json() && !console.quiet()) {
            print(console, rows, session.ctx().locations().home(), clock.getZone());
        }
        return 0;
    }

    static ObjectNode toJson(SessionRow row) {
        ObjectNode o = Json.COMPACT.valueToTree(row.summary());
        o.put("status", row.status().id());
        o.put("lastActivity", row.lastActivity().toString());
        return o;
    }

    /**
     * A table; built without String.format, which costs more than the rest of a row when there are 20,000,
     * and written in blocks of bytes encoded at once, not a line at a time through a PrintStream's encoder.
     */
    private static void print(Console console, List<SessionRow> rows, Path home, ZoneId zone) {
        PrintStream out = console.stdout();
        if (rows.isEmpty()) {
            out.println("no sessions found");
            out.flush();
            return;
        }
        StringBuilder block = new StringBuilder(BLOCK + 512);
        block.append(console.paint(pad("last activity", 16) + "  " + pad("project", PROJECT) + "  " + pad("session", 8) + "  "
                + padLeft("msgs", 5) + "  " + padLeft("size", 9) + "  " + pad("status", 8) + "  first prompt", Console.Paint.BOLD))
                .append(System.lineSeparator());
        // the project column made once per project, not once per row: thousands of sessions share a few projects
        java.util.Map<String, String> projects = new java.util.HashMap<>();
        String live = console.paint(pad(Origin.LIVE.id(), 8), Console.Paint.GREEN);
        String archived = console.paint(pad(Origin.ARCHIVE.id(), 8), Console.Paint.YELLOW);
        for (SessionRow r : rows) {
            SessionSummary s = r.summary();
            String project = projects.computeIfAbsent(s.projectPath() == null ? s.projectKey() : s.projectPath(),
                    p -> pad(left(Printable.of(Finding.shortPath(p, home)), PROJECT), PROJECT));
            appendTime(block, r.lastActivity().atZone(zone).toLocalDateTime()).append("  ").append(project).append("  ");
            appendPadded(block, s.id(), Math.min(8, s.id().length()), 8).append("  ");
            appendLeft(block, Long.toString(s.messages()), 5).append("  ");
            appendLeft(block, Sizes.human(s.bytes()), 9).append("  ");
            block.append(r.status() == Origin.LIVE ? live : archived).append("  ").append(prompt(s.firstPrompt())).append(System.lineSeparator());
            if (block.length() >= BLOCK) {
                write(out, block);
            }
        }
        write(out, block);
        out.flush();
    }

    /** How many characters of the table are encoded and written at once. */
    private static final int BLOCK = 1 << 15;

    private static void write(PrintStream out, StringBuilder block) {
        byte[] bytes = block.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        block.setLength(0);
    }

    private static StringBuilder appendPadded(StringBuilder b, String s, int length, int width) {
        b.append(s, 0, length);
        for (int i = length; i < width; i++) {
            b.append(' ');
        }
        return b;
    }

    private static StringBuilder appendLeft(StringBuilder b, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            b.append(' ');
        }
        return b.append(s);
    }

    /** yyyy-MM-dd HH:mm, by hand: a DateTimeFormatter per row costs more than the rest of the row. */
    private static StringBuilder appendTime(StringBuilder b, LocalDateTime t) {
        b.append(t.getYear()).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        return two(b, t.getMinute());
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** The end of a long path is the part that tells projects apart. */
    private static String left(String text, int width) {
        return text.length() <= width ? text : "\u2026" + text.substring(text.length() - width + 1);
    }

    /** The prompt on one line of at most {@value #PROMPT} characters: runs of white space as one space. */
    static String prompt(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder one = new StringBuilder(PROMPT + 1);
        boolean space = false;
        for (int i = 0; i < text.length() && one.length() <= PROMPT; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = one.length() > 0;
            } else {
                if (space) {
                    one.append(' ');
                    space = false;
                }
                one.append(c);
            }
        }
        String s = Printable.of(one.toString());
        return s.length() <= PROMPT ? s : s.substring(0, PROMPT - 1) + "\u2026";
    }
}
