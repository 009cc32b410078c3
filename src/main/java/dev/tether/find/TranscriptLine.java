package dev.tether.find;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One JSON line of a Claude Code transcript. Only {@code type} is always set (empty when the line has
 * none): Claude Code writes several types without {@code timestamp}, {@code uuid} or {@code cwd}
 * ({@code last-prompt}, {@code api-request-blob}, ...), so every other field may be null, and the set
 * of types is open. The parsed JSON stays at hand for what is shown of the other types.
 */
public record TranscriptLine(String type, String sessionId, String uuid, Instant timestamp, String cwd, boolean sidechain,
        boolean meta, Message message, JsonNode json) implements Entry {

    /** A user or assistant line: what the listing counts as a message. */
    public boolean isMessage() {
        return isMessageType(type);
    }

    public static boolean isMessageType(String type) {
        return "user".equals(type) || "assistant".equals(type);
    }

    /** A top-level string field, or null when it is missing or not a string. */
    public String text(String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
