package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tether.Failure;
import dev.tether.find.Catalog;
import dev.tether.find.Origin;
import dev.tether.find.Problems;
import dev.tether.find.ProjectsTree;
import dev.tether.find.SessionSource;
import dev.tether.find.Summaries;
import dev.tether.flow.BackupFlow;
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
     * The sources of sessions: the live {@code projects/} folder of the Claude data dir, and the archive of
     * {@code tether backup} (the recorded one, {@code $TETHER_ARCHIVE_DIR}, or the default) when there is one:
     * it keeps the same layout with {@code .jsonl.gz} files, so a session the live data lost is still found.
     */
    static List<SessionSource> sources(Session session) {
        List<SessionSource> out = new java.util.ArrayList<>();
        out.add(ProjectsTree.live(session.ctx().locations().claudeDir()));
        archive(session).ifPresent(a -> out.add(new ProjectsTree(a.resolve("projects"), Origin.ARCHIVE)));
        return out;
    }

    /** The archive to read, when one exists; an archive at a place backup would refuse is not read either. */
    private static java.util.Optional<Path> archive(Session session) {
        try {
            Path archive = new BackupFlow(session.ctx()).locate(null).archive();
            return java.nio.file.Files.isDirectory(archive) ? java.util.Optional.of(archive) : java.util.Optional.empty();
        } catch (Failure e) {
            return java.util.Optional.empty();
        }
    }

    static Catalog catalog(Session session, Problems problems) {
        return Catalog.of(sources(session), problems);
    }

    /** Runs a task on a thread of its own, for work that overlaps the listing (a daemon: it never holds the exit). */
    static final java.util.concurrent.Executor BESIDE = task -> {
        Thread t = new Thread(task, "tether-beside");
        t.setDaemon(true);
        t.start();
    };

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
