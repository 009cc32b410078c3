package dev.tether.archive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Builds a {@link SessionEntry} from a transcript's lines as they stream past, a few more at each backup.
 * Cheap by design, because a first backup feeds it every line: the top-level fields it needs are found by
 * scanning the bytes, and only the candidate for the first prompt is parsed as JSON. What it cannot tell
 * (a line without a timestamp, a malformed line) it leaves out; the transcript itself is kept whole either way.
 */
final class SessionFacts {
    private static final int PROMPT_CHARS = 200;
    private static final byte[] TIMESTAMP = bytes("\"timestamp\":\"");
    private static final byte[] CWD = bytes("\"cwd\":\"");
    private static final byte[] USER = bytes("\"type\":\"user\"");
    private static final byte[] ASSISTANT = bytes("\"type\":\"assistant\"");

    private final String id;
    private final String projectKey;
    private String projectPath;
    private Instant first;
    private Instant last;
    private long messages;
    private long bytes;
    private String firstPrompt;
    private final boolean live;
    private final String machine;

    SessionFacts(String id, String projectKey, boolean live, String machine) {
        this.id = id;
        this.projectKey = projectKey;
        this.live = live;
        this.machine = machine;
    }

    /** Continues from what the index already says. */
    static SessionFacts from(SessionEntry e) {
        SessionFacts f = new SessionFacts(e.id(), e.projectKey(), e.live(), e.machine());
        f.projectPath = e.projectPath();
        f.first = parse(e.firstTimestamp());
        f.last = parse(e.lastTimestamp());
        f.messages = e.messages();
        f.bytes = e.bytes();
        f.firstPrompt = e.firstPrompt();
        return f;
    }

    /** One line, without its line end. */
    void accept(byte[] line, int length, int lineEndBytes) {
        bytes += length + lineEndBytes;
        String ts = stringAfter(line, length, TIMESTAMP);
        if (ts != null) {
            Instant t = parse(ts);
            if (t != null) {
                first = first == null || t.isBefore(first) ? t : first;
                last = last == null || t.isAfter(last) ? t : last;
            }
        }
        if (projectPath == null) {
            projectPath = stringAfter(line, length, CWD);
        }
        boolean user = indexOf(line, length, USER) >= 0;
        if (user || indexOf(line, length, ASSISTANT) >= 0) {
            messages++;
        }
        if (user && firstPrompt == null) {
            firstPrompt = promptOf(line, length);
        }
    }

    SessionEntry entry() {
        return new SessionEntry(id, projectKey, projectPath, first == null ? null : first.toString(),
                last == null ? null : last.toString(), messages, bytes, firstPrompt, live, machine);
    }

    /** The user's own words in a user line: its string content or first text block, not a tool result or a command. */
    private static String promptOf(byte[] line, int length) {
        JsonNode node;
        try {
            node = Json.COMPACT.readTree(new String(line, 0, length, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
        if (node == null || node.path("isMeta").asBoolean(false) || node.path("isSidechain").asBoolean(false)) {
            return null;
        }
        JsonNode content = node.path("message").path("content");
        String text = null;
        if (content.isTextual()) {
            text = content.asText();
        } else if (content.isArray()) {
            for (JsonNode block : content) {
                if (block.path("type").asText().equals("text")) {
                    text = block.path("text").asText();
                    break;
                }
            }
        }
        if (text == null || text.isBlank() || text.startsWith("<command-") || text.startsWith("<local-command")) {
            return null;
        }
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= PROMPT_CHARS ? one : one.substring(0, PROMPT_CHARS - 1) + "…";
    }

    private static Instant parse(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The JSON string right after {@code key} (a simple one: no escapes), or null. */
    private static String stringAfter(byte[] line, int length, byte[] key) {
        int at = indexOf(line, length, key);
        if (at < 0) {
            return null;
        }
        int start = at + key.length;
        for (int i = start; i < length; i++) {
            if (line[i] == '\\') {
                return null;
            }
            if (line[i] == '"') {
                return new String(line, start, i - start, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static int indexOf(byte[] line, int length, byte[] needle) {
        outer:
        for (int i = 0; i <= length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (line[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
