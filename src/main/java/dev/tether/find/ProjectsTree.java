package dev.tether.find;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sessions laid out as Claude Code lays them out: {@code <projects>/<key>/<id>.jsonl}, with the session's
 * folder {@code <key>/<id>/} beside it when it has one (its {@code subagents/*.jsonl}). {@code <id>.jsonl.gz} is read
 * too: the archive keeps this layout with gzip files, and a user may have compressed old transcripts.
 * Listing costs one directory read per project and one {@code stat} per transcript; no file is opened.
 * Links are followed ({@code projects} itself is tether's link once set up).
 */
public final class ProjectsTree implements SessionSource {
    private final Path projects;
    private final Origin origin;

    public ProjectsTree(Path projects, Origin origin) {
        this.projects = projects;
        this.origin = origin;
    }

    /** Claude Code's live sessions under {@code <claudeDir>/projects}. */
    public static ProjectsTree live(Path claudeDir) {
        return new ProjectsTree(claudeDir.resolve("projects"), Origin.LIVE);
    }

    @Override
    public List<StoredSession> list(Problems problems) {
        List<Path> keys = new ArrayList<>();
        if (!Files.isDirectory(projects)) {
            return List.of(); // no sessions yet: nothing to report
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(projects)) {
            dirs.forEach(keys::add);
        } catch (IOException | RuntimeException e) {
            problems.file(projects, "cannot list: " + e.getMessage());
        }
        // the projects are listed side by side: a listing is one stat per transcript, and stats overlap well
        return keys.parallelStream().filter(Files::isDirectory).flatMap(key -> listProject(key, problems).stream()).toList();
    }

    private List<StoredSession> listProject(Path project, Problems problems) {
        List<StoredSession> out = new ArrayList<>();
        String key = project.getFileName().toString();
        List<TranscriptFile> transcripts = new ArrayList<>();
        Set<String> others = new HashSet<>(); // the names that are no transcript: the sessions' folders among them
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(project)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!TranscriptFile.isTranscriptName(name)) {
                    others.add(name); // a session's folder, or anything else: no stat
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue; // deleted since the listing (Claude Code's sweep, a user)
                }
                if (attrs.isRegularFile()) {
                    // the project's path once, not the entry's: the entry is garbage as soon as it is stat'ed
                    transcripts.add(TranscriptFile.listed(project, name, entry, attrs.size(), attrs.lastModifiedTime().toInstant()));
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.file(project, "cannot list: " + e.getMessage());
        }
        for (TranscriptFile t : transcripts) {
            String id = t.stem();
            out.add(new StoredSession(id, key, origin, t, null, others.contains(id)));
        }
        return out;
    }

    /**
     * The subagent transcripts of a session ({@code <id>/subagents/*.jsonl[.gz]}), by name. One directory
     * read, no {@code stat}: these files are only read, never listed with sizes or cached. None read at all
     * when the listing saw no folder of the session (most sessions have none): a search looked for 20,000
     * folders that were not there.
     */
    public static List<Path> subagents(StoredSession session, Problems problems) {
        List<Path> out = new ArrayList<>();
        if (!session.folder()) {
            return out;
        }
        Path dir = session.sessionDir().resolve("subagents");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (TranscriptFile.isTranscriptName(entry.getFileName().toString())) {
                    out.add(entry);
                }
            }
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return out; // a session folder without subagents (only tool-results/, say)
        } catch (IOException | RuntimeException e) {
            problems.file(dir, "cannot list: " + e.getMessage());
        }
        out.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return out;
    }
}
