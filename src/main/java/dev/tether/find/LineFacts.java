package dev.tether.find;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.io.IOException;
import java.time.Instant;

/**
 * The top-level facts of a line that a summary needs, read with Jackson's streaming parser: nested
 * values are skipped without being built, and the {@code message} is built only when asked for (the
 * first prompt is still missing). Many times cheaper than a tree per line over a large transcript.
 */
record LineFacts(String type, Instant timestamp, String cwd, boolean meta, boolean sidechain, boolean compactSummary,
        JsonNode message) {
    private static final JsonFactory FACTORY = Json.COMPACT.getFactory();

    /** The facts of a JSON object line, or null when the line is not one. */
    static LineFacts read(byte[] line, boolean wantMessage) {
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = null;
            Instant timestamp = null;
            String cwd = null;
            boolean meta = false;
            boolean sidechain = false;
            boolean compact = false;
            JsonNode message = null;
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : type;
                    case "timestamp" -> timestamp = value == JsonToken.VALUE_STRING ? Timestamps.parse(p.getText())
                            : value == JsonToken.VALUE_NUMBER_INT ? Timestamps.ofMillis(p.getLongValue()) : null;
                    case "cwd" -> cwd = value == JsonToken.VALUE_STRING ? p.getText() : cwd;
                    case "isMeta" -> meta = value == JsonToken.VALUE_TRUE;
                    case "isSidechain" -> sidechain = value == JsonToken.VALUE_TRUE;
                    case "isCompactSummary" -> compact = value == JsonToken.VALUE_TRUE;
                    case "message" -> {
                        if (wantMessage && value == JsonToken.START_OBJECT) {
                            message = p.readValueAsTree();
                        } else {
                            p.skipChildren();
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null; // unfinished, or a second value after the object
            }
            return new LineFacts(type == null ? "" : type, timestamp, cwd, meta, sidechain, compact, message);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
