package dev.tether.find.render;

import dev.tether.find.BrokenLine;
import dev.tether.find.CatalogEntry;
import dev.tether.find.Entry;
import dev.tether.find.LineVisitor;
import dev.tether.find.Problems;
import dev.tether.find.SessionLines;
import dev.tether.find.SessionSummary;
import dev.tether.find.TranscriptParser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tether show}: reads a session's lines from all its copies, in order, and hands them to a
 * format: first the session's own transcript, then each subagent's, after it and marked as such
 * (a subagent's lines are a conversation of their own; Claude Code keeps them in files of their own).
 * Streams: memory holds one line at a time, whatever the session's size.
 */
public final class Show {
    private Show() {
    }

    public static void session(CatalogEntry entry, SessionSummary summary, SessionFormat format, Problems problems) {
        format.begin(summary, entry.status());
        Path main = entry.copies().get(0).transcript().path();
        SessionLines.main(entry, parsing(main, format, problems), problems);
        for (SessionLines.Subagent agent : SessionLines.subagents(entry, problems)) {
            format.beginSubagent(agent.name());
            SessionLines.read(agent.copies(), parsing(agent.copies().get(0), format, problems), problems);
        }
        format.end();
    }

    /** Several sessions, one after the other, in the order given. */
    public static void sessions(List<CatalogEntry> entries, List<SessionSummary> summaries, SessionFormat format,
            Problems problems) {
        for (int i = 0; i < entries.size(); i++) {
            session(entries.get(i), summaries.get(i), format, problems);
        }
    }

    /**
     * The raw lines of the session's own transcript, each with a {@code \n}: exactly the bytes stored,
     * without parsing (a line that is not JSON is written as it is, and not reported).
     */
    public static void jsonl(CatalogEntry entry, OutputStream out, Problems problems) {
        SessionLines.main(entry, (line, number, size) -> {
            try {
                out.write(line);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, problems);
    }

    private static LineVisitor parsing(Path file, SessionFormat format, Problems problems) {
        return (line, number, size) -> {
            Entry entry = TranscriptParser.parse(line);
            if (entry instanceof BrokenLine b && !b.blank()) {
                problems.line(file, number, b.reason());
            }
            format.line(entry, number);
            return true;
        };
    }
}
