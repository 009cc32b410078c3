package dev.tether.find;

import java.nio.file.Path;

/**
 * One session as one source holds it: its transcript and, when there is one, its folder
 * ({@code <id>/}, holding {@code subagents/}). {@code indexed} is the summary a source's index already
 * has (the archive's), or null when the transcript must be read (or a cache asked) for it.
 */
public record StoredSession(String id, String projectKey, Origin origin, TranscriptFile transcript, Path sessionDir,
        SessionSummary indexed) {
}
