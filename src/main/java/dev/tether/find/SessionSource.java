package dev.tether.find;

import java.util.List;

/**
 * Where session transcripts come from. Today: Claude Code's live {@code projects/} folder
 * ({@link ProjectsTree}); the archive plugs in as a second source (its files have the same layout with
 * {@code .gz} names, and its index gives {@link StoredSession#indexed} summaries), and {@link Catalog}
 * unites the copies of one session.
 */
public interface SessionSource {
    /**
     * Every session this source holds, from folder listings or an index: no transcript is read. Folders
     * that cannot be read are reported to {@code problems}, the rest still listed.
     */
    List<StoredSession> list(Problems problems);
}
