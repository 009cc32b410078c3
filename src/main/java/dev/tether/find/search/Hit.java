package dev.tether.find.search;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A message that contains every term: which session and project, when, which message ({@code uuid}),
 * where the match was ({@code user}, {@code assistant}, {@code tool <name>}), in which subagent's
 * transcript (null: the session's own), and the snippet. {@code file} and {@code offset} (of the line,
 * in the decompressed file) say exactly which line it is.
 */
public record Hit(String sessionId, String projectKey, String projectPath, Instant timestamp, String uuid, String where,
        String subagent, Snippet snippet, Path file, long offset) {
}
