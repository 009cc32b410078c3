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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
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
        Catalog catalog = Finding.catalog(session, problems);
        Summaries summaries = Finding.summaries(session);
        List<SessionRow> rows = SessionList.list(catalog, summaries, filter, problems);
        if (!summaries.save(catalog)) {
            console.detail("the summary cache in the state dir could not be written; the next listing reads every transcript again");
        }
        ArrayNode json = console.doc().putArray("sessions");
        rows.forEach(r -> json.add(toJson(r)));
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

    private static void print(Console console, List<SessionRow> rows, Path home, ZoneId zone) {
        PrintStream out = Finding.utf8(console);
        if (rows.isEmpty()) {
            out.println("no sessions found");
            out.flush();
            return;
        }
        String format = "%-16s  %-" + PROJECT + "s  %-8s  %5s  %9s  ";
        out.println(console.paint(String.format(format, "last activity", "project", "session", "msgs", "size")
                + String.format("%-8s  %s", "status", "first prompt"), Console.Paint.BOLD));
        for (SessionRow r : rows) {
            SessionSummary s = r.summary();
            String project = Finding.shortPath(s.projectPath() == null ? s.projectKey() : s.projectPath(), home);
            String status = console.paint(String.format("%-8s", r.status().id()),
                    r.status() == Origin.LIVE ? Console.Paint.GREEN : Console.Paint.YELLOW);
            out.println(String.format(format, WHEN.format(r.lastActivity().atZone(zone)), left(Printable.of(project), PROJECT),
                    s.id().substring(0, Math.min(8, s.id().length())), s.messages(), Sizes.human(s.bytes()))
                    + status + "  " + prompt(s.firstPrompt()));
        }
        out.flush();
    }

    /** The end of a long path is the part that tells projects apart. */
    private static String left(String text, int width) {
        return text.length() <= width ? text : "\u2026" + text.substring(text.length() - width + 1);
    }

    static String prompt(String text) {
        if (text == null) {
            return "";
        }
        String one = Printable.of(text.strip().replaceAll("\\s+", " "));
        return one.length() <= PROMPT ? one : one.substring(0, PROMPT - 1) + "\u2026";
    }
}
