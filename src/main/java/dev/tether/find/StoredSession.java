package dev.tether.find;

import java.nio.file.Path;

/**
 * One session as one source holds it: its transcript, in a project folder named {@code projectKey}.
 * {@code indexed} is the summary a source's index already has (the archive's), or null when the
 * transcript must be read (or a cache asked) for it. {@code folder} says whether the listing saw a name
 * {@code <id>} beside the transcript (the session's own folder): without one there are no subagents to look for.
 */
public record StoredSession(String id, String projectKey, Origin origin, TranscriptFile transcript, SessionSummary indexed,
        boolean folder) {

    /**
     * Where the session's own folder is, beside its transcript ({@code <id>/}, holding {@code subagents/});
     * it may not exist (see {@link #folder}). Not looked up while listing: most listings never need it.
     */
    public Path sessionDir() {
        return transcript.folder().resolve(id);
    }
}
