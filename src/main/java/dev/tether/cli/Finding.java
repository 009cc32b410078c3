package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tether.find.Catalog;
import dev.tether.find.Problems;
import dev.tether.find.ProjectsTree;
import dev.tether.find.SessionSource;
import dev.tether.find.Summaries;
import dev.tether.find.SummaryCache;
import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * What the finding commands share: where sessions come from, the summary cache, the report of what
 * could not be read, and a UTF-8 stdout (transcripts hold any script, whatever the locale says).
 */
final class Finding {
    private Finding() {
    }

    /**
     * The sources of sessions: the live {@code projects/} folder of the Claude data dir. The archive of
     * {@code tether backup} joins here as a second source.
     */
    static List<SessionSource> sources(Session session) {
        return List.of(ProjectsTree.live(session.ctx().locations().claudeDir()));
    }

    static Catalog catalog(Session session, Problems problems) {
        return Catalog.of(sources(session), problems);
    }

    /** Summaries through the cache in the state dir: a listing reads only transcripts that changed. */
    static Summaries summaries(Session session) {
        Path cache = session.ctx().locations().stateDir().resolve("cache").resolve("sessions.bin");
        return new Summaries(SummaryCache.at(cache));
    }

    /** Prints what could not be read on stderr (and into the JSON document as {@code warnings}). */
    static void report(Console console, Problems problems) {
        List<String> messages = problems.messages();
        ArrayNode warnings = console.doc().putArray("warnings");
        for (String m : messages) {
            warnings.add(m);
            console.error("tether: warning: " + m);
        }
    }

    /**
     * Standard output as UTF-8, whatever the platform's default charset, buffered: stdout flushes on every
     * write, which made a listing of 20,000 sessions 20,000 system calls. The caller flushes at the end.
     */
    static PrintStream utf8(Console console) {
        return new PrintStream(new BufferedOutputStream(console.stdout(), 1 << 16), false, StandardCharsets.UTF_8);
    }

    /** A project path for a table: the home folder as {@code ~}. */
    static String shortPath(String path, Path home) {
        if (path == null) {
            return "?";
        }
        String h = home == null ? null : home.toString();
        if (h != null && !h.isEmpty() && (path.equals(h) || path.startsWith(h + "/") || path.startsWith(h + "\\"))) {
            return "~" + path.substring(h.length());
        }
        return path;
    }
}
