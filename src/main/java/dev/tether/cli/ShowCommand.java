package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.find.Catalog;
import dev.tether.find.CatalogEntry;
import dev.tether.find.Problems;
import dev.tether.find.SessionFilter;
import dev.tether.find.SessionList;
import dev.tether.find.SessionRow;
import dev.tether.find.SessionSummary;
import dev.tether.find.Summaries;
import dev.tether.find.render.JsonFormat;
import dev.tether.find.render.MarkdownFormat;
import dev.tether.find.render.RenderOptions;
import dev.tether.find.render.SessionFormat;
import dev.tether.find.render.Show;
import dev.tether.find.render.TextFormat;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tether show}: one session, or a digest of the sessions the filters choose. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a session (ID is its id or a unique prefix of it) as text, Markdown or its raw JSONL lines;"
                + " or, with --project/--since/--until instead of an ID, one digest of every session they choose, oldest"
                + " first. Changes nothing in the Claude data dir.")
public final class ShowCommand implements Callable<Integer> {
    /** The formats of {@code --format}. */
    enum Format {
        text, markdown, jsonl
    }

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "ID", description = "a session id, or the first characters of one")
    String id;

    @Mixin
    FindFilters filters;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default), markdown or jsonl")
    Format format = Format.text;

    @Option(names = "--full", description = "show tool output whole instead of cutting it after 20 lines")
    boolean full;

    @Override
    public Integer call() {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "show");
        if (id == null && !filters.any()) {
            throw new Failure.BadInput("name a session (its id or a unique prefix), or choose sessions with --project,"
                    + " --since or --until", "tether sessions (lists them with their ids)");
        }
        if (id != null && filters.any()) {
            throw new Failure.BadInput("give a session id or --project/--since/--until, not both", "tether show " + id);
        }
        Clock clock = Clock.systemDefaultZone();
        Problems problems = new Problems();
        Catalog catalog = Finding.catalog(session, problems);
        Summaries summaries = Finding.summaries(session);
        List<CatalogEntry> entries = new ArrayList<>();
        List<SessionSummary> chosen = new ArrayList<>();
        if (id != null) {
            CatalogEntry entry = one(catalog, summaries, problems);
            entries.add(entry);
            chosen.add(summaries.of(entry, problems));
        } else {
            SessionFilter filter = new SessionFilter(filters.projectFilter(), filters.window(clock), false, 0);
            List<SessionRow> rows = new ArrayList<>(SessionList.list(catalog, summaries, filter, problems));
            rows.sort(Comparator.comparing(SessionRow::lastActivity).thenComparing(r -> r.entry().id()));
            rows.forEach(r -> {
                entries.add(r.entry());
                chosen.add(r.summary());
            });
        }
        summaries.save(catalog);
        write(console, entries, chosen, clock, problems);
        Finding.report(console, problems);
        return 0;
    }

    private void write(Console console, List<CatalogEntry> entries, List<SessionSummary> chosen, Clock clock, Problems problems) {
        if (console.json()) {
            if (id != null) {
                Show.session(entries.get(0), chosen.get(0), new JsonFormat(console.doc().putObject("session")), problems);
            } else {
                ArrayNode sessions = console.doc().putArray("sessions");
                for (int i = 0; i < entries.size(); i++) {
                    Show.session(entries.get(i), chosen.get(i), new JsonFormat(sessions.addObject()), problems);
                }
            }
            return;
        }
        if (console.quiet()) {
            return;
        }
        PrintStream out = Finding.utf8(console);
        RenderOptions options = RenderOptions.in(clock.getZone()).withFull(full);
        switch (format) {
            case jsonl -> entries.forEach(e -> Show.jsonl(e, out, problems));
            case markdown -> {
                if (id == null) {
                    out.print(Digests.title(filters, entries.size()));
                }
                Show.sessions(entries, chosen, new MarkdownFormat(out, options, id == null ? 2 : 1), problems);
            }
            default -> {
                if (id == null && entries.isEmpty()) {
                    out.println("no sessions found");
                }
                Show.sessions(entries, chosen, new TextFormat(out, options, new PaintedStyle(console)), problems);
            }
        }
        out.flush();
    }

    /** The session the ID names; none, or several, is bad input (exit 2) naming the candidates. */
    private CatalogEntry one(Catalog catalog, Summaries summaries, Problems problems) {
        Catalog.Lookup found = catalog.find(id);
        if (found instanceof Catalog.Found f) {
            return f.entry();
        }
        if (found instanceof Catalog.Ambiguous a) {
            StringBuilder message = new StringBuilder("'" + id + "' is the start of " + a.candidates().size() + " session ids:");
            ArrayNode candidates = main.session().console().doc().putArray("candidates");
            for (CatalogEntry e : a.candidates().subList(0, Math.min(20, a.candidates().size()))) {
                SessionSummary s = summaries.of(e, problems);
                candidates.add(e.id());
                message.append("\n  ").append(e.id()).append("  ").append(s.projectPath() == null ? e.projectKey() : s.projectPath())
                        .append("  ").append(s.lastTimestamp() == null ? "" : s.lastTimestamp());
            }
            if (a.candidates().size() > 20) {
                message.append("\n  and ").append(a.candidates().size() - 20).append(" more");
            }
            throw new Failure.BadInput(message.toString(), "tether show with more characters of the id");
        }
        throw new Failure.BadInput("no session id starts with '" + id + "'", "tether sessions (lists them with their ids)");
    }
}
