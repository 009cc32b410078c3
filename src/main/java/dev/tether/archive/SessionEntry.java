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

    /** The session's id and project key when {@code rel} is a transcript ({@code projects/<key>/<id>.jsonl}), else null. */
    static String[] keyAndId(String rel) {
        String[] parts = rel.split("/");
        if (parts.length == 3 && parts[0].equals("projects") && parts[2].endsWith(".jsonl")) {
            return new String[] {parts[1], parts[2].substring(0, parts[2].length() - ".jsonl".length())};
        }
        return null;
    }

    SessionEntry withLive(boolean now) {
        return new SessionEntry(id, projectKey, projectPath, firstTimestamp, lastTimestamp, messages, bytes, firstPrompt, now, machine);
    }
}
