package dev.tether.find.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tether.find.Timestamps;
import dev.tether.state.Json;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What search needs of a candidate line, read with Jackson's streaming parser: the line's type, uuid,
 * timestamp and cwd, and its searchable texts. Searchable is what was said and done, not what tools
 * returned: a user line's text (not a meta line's: that is text the client added), an assistant line's
 * text, and every string value of a tool call's input (the command, the path, the pattern, the text
 * written; never the JSON keys). Left out: tool results (file contents and command output would drown
 * what was said: a word of a file would find every session that read it), thinking (shown folded, said
 * to no one), and lines of other types. Streaming, because a candidate line is often one with a large
 * tool result that a tree would copy whole; the skipped values are only scanned. Reads a line as
 * {@code TranscriptParser} does (one JSON object; where a key repeats, the last one counts).
 */
record MessageFacts(String type, String uuid, Instant timestamp, String cwd, List<Field> fields) {
    private static final JsonFactory FACTORY = Json.COMPACT.getFactory();
    /** Marks a text whose speaker is known only at the end of the line. */
    static final String TEXT = "";

    /**
     * The facts of a line with something to search, or null when it has nothing (no searchable text, or it is
     * not one JSON object: search skips both alike): read by {@link MessageScanner}, or by Jackson where the
     * scanner cannot be sure (a line that is not plain JSON as Claude Code writes it).
     */
    static MessageFacts read(byte[] buf, int offset, int length) {
        MessageFacts fast = MessageScanner.read(buf, offset, length);
        return fast == MessageScanner.NOTHING ? null : fast != null ? fast : readWithJackson(buf, offset, length);
    }

    /**
     * The facts of a line as Jackson's streaming parser reads them, null where {@link #read} gives null; the
     * reference the scanner is held to.
     */
    static MessageFacts readWithJackson(byte[] buf, int offset, int length) {
        try (JsonParser p = FACTORY.createParser(buf, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String type = "";
            String uuid = null;
            Instant timestamp = null;
            String cwd = null;
            boolean meta = false;
            List<Field> found = List.of();
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : "";
                    case "uuid" -> uuid = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "cwd" -> cwd = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "isMeta" -> meta = value == JsonToken.VALUE_TRUE;
                    case "timestamp" -> timestamp = value == JsonToken.VALUE_STRING ? Timestamps.parse(p.getText())
                            : value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                    ? Timestamps.ofMillis(p.getLongValue()) : null;
                    case "message" -> found = value == JsonToken.START_OBJECT ? message(p) : List.of();
                    default -> {
                    }
                }
                p.skipChildren();
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            List<Field> fields = searchable(type, meta, found);
            return fields.isEmpty() ? null : new MessageFacts(type, uuid, timestamp, cwd, fields);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static List<Field> searchable(String type, boolean meta, List<Field> found) {
        boolean user = type.equals("user");
        if (meta || !(user || type.equals("assistant"))) {
            return List.of();
        }
        List<Field> out = new ArrayList<>(found.size());
        for (Field f : found) {
            if (f.where() == TEXT) {
                out.add(f.at(type));
            } else if (!user) {
                out.add(f);
            }
        }
        return out;
    }

    /** The texts and tool inputs of a message's content, in order; at the object's end. */
    private static List<Field> message(JsonParser p) throws IOException {
        List<Field> found = List.of();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("content")) {
                found = new ArrayList<>();
                if (value == JsonToken.VALUE_STRING) {
                    found.add(new Field(TEXT, p.getText()));
                } else if (value == JsonToken.START_ARRAY) {
                    for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                        if (e == JsonToken.VALUE_STRING) {
                            found.add(new Field(TEXT, p.getText()));
                        } else if (e == JsonToken.START_OBJECT) {
                            block(p, found);
                        } else {
                            p.skipChildren();
                        }
                    }
                    continue;
                }
            }
            p.skipChildren();
        }
        return found;
    }

    /** One content block: a text block's text, or a tool call's input strings; at the block's end. */
    private static void block(JsonParser p, List<Field> found) throws IOException {
        String type = null;
        String text = null;
        String tool = "";
        List<String> input = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "text" -> text = value == JsonToken.VALUE_STRING ? p.getText() : null;
                case "name" -> tool = value == JsonToken.VALUE_STRING ? p.getText() : "";
                case "input" -> {
                    input = new ArrayList<>();
                    strings(p, value, input);
                    continue;
                }
                default -> {
                }
            }
            p.skipChildren();
        }
        if ("text".equals(type)) {
            found.add(new Field(TEXT, text == null ? "" : text));
        } else if (("tool_use".equals(type) || "server_tool_use".equals(type)) && input != null) {
            String where = "tool " + tool;
            for (String s : input) {
                found.add(new Field(where, s));
            }
        }
    }

    /** Every string value in the value starting at the current token (keys are not values). */
    private static void strings(JsonParser p, JsonToken first, List<String> out) throws IOException {
        if (first == JsonToken.VALUE_STRING) {
            out.add(p.getText());
            return;
        }
        if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                depth++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                depth--;
            } else if (t == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            } else if (t == null) {
                throw new IOException("unexpected end");
            }
        }
    }
}
