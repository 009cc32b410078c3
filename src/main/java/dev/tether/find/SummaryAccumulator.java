package dev.tether.find;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Makes a {@link SessionSummary} from a transcript's lines fed one at a time, in bounded memory: it keeps
 * counts, the time span, the first {@code cwd} and the first prompt, never the lines. Its state is the
 * summary itself, so it can {@link #resume} from a stored summary and read only the lines a file gained
 * since (what an index or cache of sessions needs when a transcript grew).
 */
public final class SummaryAccumulator {
    /** A first prompt is kept up to this many characters: enough for any listing, bounded for an index. */
    public static final int PROMPT_CHARS = 300;

    private final String id;
    private final String projectKey;
    private String projectPath;
    private Instant first;
    private Instant last;
    private long messages;
    private long lines;
    private long bytes;
    private String firstPrompt;

    private SummaryAccumulator(String id, String projectKey) {
        this.id = id;
        this.projectKey = projectKey;
    }

    /** A summary of nothing yet, for the session {@code id} in the project folder {@code projectKey}. */
    public static SummaryAccumulator start(String id, String projectKey) {
        return new SummaryAccumulator(id, projectKey);
    }

    /** Goes on from a summary of the transcript's first {@code summary.bytes()} bytes. */
    public static SummaryAccumulator resume(SessionSummary summary) {
        SummaryAccumulator a = new SummaryAccumulator(summary.id(), summary.projectKey());
        a.projectPath = summary.projectPath();
        a.first = summary.first().orElse(null);
        a.last = summary.last().orElse(null);
        a.messages = summary.messages();
        a.lines = summary.lines();
        a.bytes = summary.bytes();
        a.firstPrompt = summary.firstPrompt();
        return a;
    }

    /**
     * Feeds one raw line (without its line end) that took {@code sizeInFile} bytes. Returns false when the
     * line is not a JSON object; it still counts as a line, and the caller may report it.
     */
    public boolean accept(byte[] line, int sizeInFile) {
        lines++;
        bytes += sizeInFile;
        LineFacts facts = LineFacts.read(line, firstPrompt == null);
        if (facts == null) {
            return false;
        }
        see(facts.type(), facts.timestamp(), facts.cwd());
        if (firstPrompt == null && facts.message() != null && "user".equals(facts.type()) && !facts.meta()
                && !facts.sidechain() && !facts.compactSummary()) {
            firstPrompt = prompt(facts.message().get("content"));
        }
        return true;
    }

    /** Feeds a line already parsed (as {@code show} has it). */
    public void accept(Entry entry, int sizeInFile) {
        lines++;
        bytes += sizeInFile;
        if (entry instanceof TranscriptLine line) {
            see(line.type(), line.timestamp(), line.cwd());
            if (firstPrompt == null && "user".equals(line.type()) && !line.meta() && !line.sidechain()
                    && !line.json().path("isCompactSummary").booleanValue() && line.json().has("message")) {
                firstPrompt = prompt(line.json().get("message").get("content"));
            }
        }
    }

    public SessionSummary summary() {
        return new SessionSummary(id, projectKey, projectPath, first == null ? null : first.toString(),
                last == null ? null : last.toString(), messages, lines, bytes, firstPrompt);
    }

    private void see(String type, Instant timestamp, String cwd) {
        if (TranscriptLine.isMessageType(type)) {
            messages++;
        }
        if (timestamp != null) {
            first = first == null || timestamp.isBefore(first) ? timestamp : first;
            last = last == null || timestamp.isAfter(last) ? timestamp : last;
        }
        if (projectPath == null && cwd != null && !cwd.isEmpty()) {
            projectPath = cwd;
        }
    }

    /**
     * The text the user typed, or null for a line that only carries tool results, or text the client
     * wrote on the user's behalf: a slash command or its output ({@code <command-name>},
     * {@code <local-command-stdout>}), a reminder, an interruption note.
     */
    static String prompt(JsonNode content) {
        String text = null;
        if (content != null && content.isTextual()) {
            text = content.textValue();
        } else if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                if ("tool_result".equals(block.path("type").asText())) {
                    return null;
                }
                if (text == null && "text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                    text = block.path("text").textValue();
                }
            }
        }
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.startsWith("[Request interrupted") || startsWithTag(t)) {
            return null;
        }
        return shorten(t);
    }

    private static boolean startsWithTag(String t) {
        if (t.charAt(0) != '<') {
            return false;
        }
        int i = 1;
        while (i < t.length() && (Character.isLetterOrDigit(t.charAt(i)) || t.charAt(i) == '-' || t.charAt(i) == '_')) {
            i++;
        }
        return i > 1 && i < t.length() && t.charAt(i) == '>';
    }

    private static String shorten(String t) {
        if (t.length() <= PROMPT_CHARS) {
            return t;
        }
        int end = PROMPT_CHARS;
        if (Character.isHighSurrogate(t.charAt(end - 1))) {
            end--;
        }
        return t.substring(0, end);
    }
}
