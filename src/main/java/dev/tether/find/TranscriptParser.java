package dev.tether.find;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tether.state.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one raw transcript line into an {@link Entry}, tolerantly: a line that is not a JSON object
 * becomes a {@link BrokenLine} with the reason, a field of an unexpected shape is left out, an unknown
 * type or block type is kept by name. Never throws.
 */
public final class TranscriptParser {
    /** Two JSON values on one line are not one line of a transcript. */
    private static final ObjectReader READER = Json.COMPACT.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private TranscriptParser() {
    }

    public static Entry parse(byte[] line) {
        return parse(line, 0, line.length);
    }

    public static Entry parse(byte[] buf, int offset, int length) {
        if (isBlank(buf, offset, length)) {
            return new BrokenLine(length, BrokenLine.BLANK);
        }
        JsonNode root;
        try {
            root = READER.readTree(buf, offset, length);
        } catch (JsonProcessingException e) {
            return new BrokenLine(length, (hasNul(buf, offset, length) ? "binary data, " : "") + "not valid JSON ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException | RuntimeException e) {
            return new BrokenLine(length, "not readable as JSON (" + e.getMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            return new BrokenLine(length, "not a JSON object");
        }
        return of(root);
    }

    /** The line of a JSON object already parsed. */
    public static TranscriptLine of(JsonNode root) {
        String type = string(root, "type");
        JsonNode message = root.get("message");
        return new TranscriptLine(type == null ? "" : type, string(root, "sessionId"), string(root, "uuid"),
                timestamp(root.get("timestamp")), string(root, "cwd"), root.path("isSidechain").booleanValue(),
                root.path("isMeta").booleanValue(), message != null && message.isObject() ? message(message) : null, root);
    }

    static Instant timestamp(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (value.isTextual()) {
            return Timestamps.parse(value.textValue());
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return Timestamps.ofMillis(value.longValue());
        }
        return null;
    }

    private static Message message(JsonNode message) {
        JsonNode content = message.get("content");
        List<Block> blocks = new ArrayList<>();
        if (content != null && content.isTextual()) {
            blocks.add(new Block.Text(content.textValue()));
        } else if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                blocks.add(block(block));
            }
        }
        return new Message(string(message, "role"), blocks);
    }

    private static Block block(JsonNode block) {
        if (block.isTextual()) {
            return new Block.Text(block.textValue());
        }
        String type = string(block, "type");
        if (type == null) {
            return new Block.Other("(no type)");
        }
        return switch (type) {
            case "text" -> new Block.Text(orEmpty(string(block, "text")));
            case "thinking" -> new Block.Thinking(orEmpty(string(block, "thinking")));
            case "tool_use", "server_tool_use" -> new Block.ToolUse(string(block, "id"), orEmpty(string(block, "name")),
                    block.get("input"));
            case "tool_result" -> new Block.ToolResult(string(block, "tool_use_id"), block.path("is_error").booleanValue(),
                    resultText(block.get("content")));
            case "image" -> new Block.Image(string(block.path("source"), "media_type"));
            default -> new Block.Other(type);
        };
    }

    /** A tool result's content: a string, or blocks (text joined by newlines, images named). */
    private static String resultText(JsonNode content) {
        if (content == null || content.isNull()) {
            return "";
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            return content.toString();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if (text.length() > 0) {
                text.append('\n');
            }
            String type = string(part, "type");
            if ("text".equals(type)) {
                text.append(orEmpty(string(part, "text")));
            } else if (part.isTextual()) {
                text.append(part.textValue());
            } else {
                text.append('[').append(type == null ? "block" : type).append(']');
            }
        }
        return text.toString();
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean isBlank(byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasNul(byte[] b, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
