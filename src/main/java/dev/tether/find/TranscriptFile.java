package dev.tether.find;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A transcript file as a folder listing saw it: a live {@code .jsonl} or an archived {@code .jsonl.gz}.
 * Size and modification time tell a cache whether what it knows of the file still holds.
 */
public record TranscriptFile(Path path, long size, Instant modified) {

    public boolean gzip() {
        return TranscriptReader.gzip(path);
    }

    /** The file name without {@code .jsonl} or {@code .jsonl.gz}: a session id, or a subagent's name. */
    public String stem() {
        return stem(path.getFileName().toString());
    }

    static String stem(String name) {
        if (name.endsWith(".jsonl.gz")) {
            return name.substring(0, name.length() - ".jsonl.gz".length());
        }
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
    }

    static boolean isTranscriptName(String name) {
        return (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) && !name.startsWith(".");
    }
}
