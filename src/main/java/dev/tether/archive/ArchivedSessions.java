package dev.tether.archive;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The archive's sessions, and choosing some of them by id (or a unique prefix), project, or being gone from the live data. */
public final class ArchivedSessions {
    private ArchivedSessions() {
    }

    /** The index's sessions; when the archive has none indexed yet, built from the archived transcripts (nothing written). */
    public static List<SessionEntry> all(ArchiveLayout layout, String hostname) throws IOException {
        List<SessionEntry> indexed = SessionIndex.load(layout).sessions();
        return indexed.isEmpty() ? Reindex.build(layout, hostname).sessions() : indexed;
    }

    /** Whether the session's live transcript is gone. */
    public static boolean deleted(SessionEntry s, Path claudeDir) {
        return !Files.exists(claudeDir.resolve(s.rel().replace("/", claudeDir.getFileSystem().getSeparator())), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The sessions asked for: each of {@code ids} (an id or a unique prefix; none or several matches is bad
     * input, exit 2, listing the candidates), plus those matching {@code project} (a part of the project's path
     * or key), those gone from the live data ({@code deleted}), or all.
     */
    public static List<SessionEntry> select(List<SessionEntry> sessions, Path claudeDir, List<String> ids, String project,
            boolean deleted, boolean all) {
        if (ids.isEmpty() && project == null && !deleted && !all) {
            throw new Failure.BadInput("say which sessions to restore; nothing was changed",
                    "tether restore ID..., or --project TEXT, --deleted or --all (tether restore --deleted --dry-run lists them)");
        }
        Map<String, SessionEntry> chosen = new LinkedHashMap<>();
        for (String id : ids) {
            List<SessionEntry> matches = sessions.stream().filter(s -> s.id().startsWith(id)).toList();
            if (matches.size() != 1) {
                throw new Failure.BadInput(matches.isEmpty() ? "no archived session has the id " + id + "; nothing was changed"
                        : "the id " + id + " is not unique; it starts " + String.join(", ", matches.stream().map(SessionEntry::id)
                                .toList()) + ". Nothing was changed", matches.isEmpty() ? "tether sessions (lists them)"
                                : "give more of the id");
            }
            chosen.put(matches.get(0).rel(), matches.get(0));
        }
        if (project != null || deleted || all) {
            String part = project == null ? null : project.toLowerCase(Locale.ROOT);
            for (SessionEntry s : sessions) {
                boolean inProject = part == null || s.projectKey().toLowerCase(Locale.ROOT).contains(part)
                        || (s.projectPath() != null && s.projectPath().toLowerCase(Locale.ROOT).contains(part));
                if (inProject && (!deleted || deleted(s, claudeDir))) {
                    chosen.put(s.rel(), s);
                }
            }
        }
        return new ArrayList<>(chosen.values());
    }
}
