package dev.tether.archive;

import dev.tether.conflict.DigestSet;
import dev.tether.conflict.LastStamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Decides what {@code restore} does with each file of the chosen sessions: the transcript, its
 * {@code subagents/} and {@code tool-results/}, and its {@code file-history/<id>/}. Reads the archive and the
 * live files; writes nothing.
 */
final class RestorePlanner {
    private RestorePlanner() {
    }

    /**
     * @param retentionDays this machine's effective {@code cleanupPeriodDays}
     * @param touch give restored files the current time instead of their last line's timestamp
     */
    static RestorePlan plan(ArchiveLayout layout, Path claudeDir, List<SessionEntry> sessions, int retentionDays, boolean touch,
            Instant now) throws IOException {
        List<RestorePlan.FileRestore> files = new ArrayList<>();
        List<SessionEntry> swept = new ArrayList<>();
        for (SessionEntry s : sessions) {
            Path transcript = claudeDir.resolve(s.rel().replace("/", claudeDir.getFileSystem().getSeparator()));
            Instant last = lastActivity(s, transcript);
            Instant mtime = touch || last == null ? now : last;
            List<RestorePlan.FileRestore> mine = new ArrayList<>();
            for (String rel : archivedFilesOf(layout, s)) {
                Path live = claudeDir.resolve(rel.replace("/", claudeDir.getFileSystem().getSeparator()));
                Path archived = ArchiveLayout.isLines(rel) ? layout.lines(rel) : newestVersion(layout, rel);
                mine.add(new RestorePlan.FileRestore(s.id(), rel, live, archived, action(rel, live, archived), mtime));
            }
            files.addAll(mine);
            boolean changes = mine.stream().anyMatch(RestorePlan.FileRestore::changes);
            if (changes && !touch && mtime.isBefore(now.minus(Duration.ofDays(retentionDays)))) {
                swept.add(s);
            }
        }
        return new RestorePlan(List.copyOf(sessions), List.copyOf(files), List.copyOf(swept));
    }

    /** The session's last activity: the newest of the index's last timestamp and the live transcript's. */
    private static Instant lastActivity(SessionEntry s, Path transcript) throws IOException {
        Instant archived = s.lastTimestamp() == null ? null : Instant.parse(s.lastTimestamp());
        Instant live = Files.isRegularFile(transcript) ? LastStamp.of(transcript).orElse(null) : null;
        if (archived == null || (live != null && live.isAfter(archived))) {
            return live;
        }
        return archived;
    }

    /** The live paths of everything the archive holds of a session ({@code /}-separated, sorted). */
    static List<String> archivedFilesOf(ArchiveLayout layout, SessionEntry s) throws IOException {
        TreeMap<String, Boolean> rels = new TreeMap<>();
        if (Files.isRegularFile(layout.lines(s.rel()))) {
            rels.put(s.rel(), true);
        }
        for (String dir : List.of("projects/" + s.projectKey() + "/" + s.id(), "file-history/" + s.id())) {
            Path base = layout.root().resolve(dir.replace("/", layout.root().getFileSystem().getSeparator()));
            if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(base)) {
                for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    String archivedRel = layout.root().relativize(p).toString().replace(layout.root().getFileSystem().getSeparator(), "/");
                    String rel = ArchiveLayout.liveRel(archivedRel);
                    if (rel != null) {
                        rels.put(rel, true);
                    }
                }
            }
        }
        return List.copyOf(rels.keySet());
    }

    /** The newest kept content of another file: the highest {@code .~N~}. */
    private static Path newestVersion(ArchiveLayout layout, String rel) {
        Path newest = null;
        for (int n = 1; Files.exists(layout.version(rel, n)); n++) {
            newest = layout.version(rel, n);
        }
        return newest;
    }

    private static RestorePlan.Action action(String rel, Path live, Path archived) throws IOException {
        if (!Files.exists(live, LinkOption.NOFOLLOW_LINKS)) {
            return RestorePlan.Action.CREATE;
        }
        if (ArchiveLayout.isLines(rel)) {
            return liveHoldsEveryArchivedLine(live, archived) ? RestorePlan.Action.SAME : RestorePlan.Action.UNITE;
        }
        try (InputStream a = GzipMembers.open(archived); InputStream l = Files.newInputStream(live)) {
            return java.util.Arrays.equals(a.readAllBytes(), l.readAllBytes()) ? RestorePlan.Action.SAME : RestorePlan.Action.KEEP_LIVE;
        }
    }

    private static boolean liveHoldsEveryArchivedLine(Path live, Path archived) throws IOException {
        DigestSet seen = new DigestSet();
        LineSplitter liveLines = new LineSplitter((b, n, end) -> seen.add(b, 0, n));
        try (InputStream in = Files.newInputStream(live)) {
            pump(in, liveLines);
        }
        boolean[] all = {true};
        LineSplitter archivedLines = new LineSplitter((b, n, end) -> {
            if (n > 0 && seen.add(b, 0, n)) {
                all[0] = false;
            }
        });
        try (InputStream in = GzipMembers.open(archived)) {
            pump(in, archivedLines);
        }
        return all[0];
    }

    static void pump(InputStream in, LineSplitter lines) throws IOException {
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            lines.accept(buf, 0, n);
        }
        lines.finish();
    }
}
