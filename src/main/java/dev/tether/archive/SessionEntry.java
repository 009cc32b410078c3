package dev.tether.archive;

/**
 * One session in the archive's index: what {@code tether sessions} lists without reading the transcript.
 *
 * @param id the session id (the transcript's file name)
 * @param projectKey the folder under {@code projects/} ({@code /} and {@code .} of the path turned into {@code -})
 * @param projectPath the working directory as the transcript's {@code cwd} says, or null
 * @param firstTimestamp the earliest line timestamp (ISO-8601), or null when no line has one
 * @param lastTimestamp the latest line timestamp, or null
 * @param messages the user and assistant lines
 * @param bytes the transcript's bytes the archive holds (uncompressed)
 * @param firstPrompt the first thing the user typed, shortened, or null
 * @param live whether the live transcript still existed at the last backup
 * @param machine the host that first archived it
 */
public record SessionEntry(String id, String projectKey, String projectPath, String firstTimestamp, String lastTimestamp,
        long messages, long bytes, String firstPrompt, boolean live, String machine) {

    /** The transcript's path relative to the Claude data dir. */
    public String rel() {
        return "projects/" + projectKey + "/" + id + ".jsonl";
    }

    /** Whether {@code rel} is a session's transcript, {@code projects/<key>/<id>.jsonl}; without splitting it. */
    static boolean isTranscript(String rel) {
        return rel.startsWith("projects/") && rel.endsWith(".jsonl") && secondSlash(rel) > 0;
    }

    /** The session's project key and id when {@code rel} is a transcript ({@code projects/<key>/<id>.jsonl}), else null. */
    static String[] keyAndId(String rel) {
        if (!isTranscript(rel)) {
            return null;
        }
        int second = secondSlash(rel);
        return new String[] {rel.substring("projects/".length(), second), rel.substring(second + 1, rel.length() - ".jsonl".length())};
    }

    /** The slash after the project key when there is exactly one more and the key is not empty, else -1. */
    private static int secondSlash(String rel) {
        int second = rel.indexOf('/', "projects/".length());
        return second > "projects/".length() && rel.indexOf('/', second + 1) < 0 ? second : -1;
    }

    SessionEntry withLive(boolean now) {
        return new SessionEntry(id, projectKey, projectPath, firstTimestamp, lastTimestamp, messages, bytes, firstPrompt, now, machine);
    }
}
