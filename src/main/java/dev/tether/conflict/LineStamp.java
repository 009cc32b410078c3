package dev.tether.conflict;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * What the merge needs to know of one line: whether it is valid JSON, and the instant of its top-level
 * {@code timestamp} (epoch milliseconds as in {@code history.jsonl}, or ISO-8601 as in session files).
 * The line is only tokenised, never bound to objects; a plain ASCII line not even that ({@link PlainJsonLine}).
 */
record LineStamp(boolean valid, Instant stamp) {
    static final LineStamp INVALID = new LineStamp(false, null);

    /** Claude Code lines can hold whole files and deep tool output: no length or depth limit. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    boolean stamped() {
        return stamp != null;
    }

    static LineStamp of(byte[] line) {
        LineStamp plain = PlainJsonLine.scan(line);
        return plain != null ? plain : parsed(line);
    }

    /** Jackson's answer: for lines the plain scan is not sure of (non-ASCII, escapes, anything invalid). */
    static LineStamp parsed(byte[] line) {
        try (JsonParser p = FACTORY.createParser(line)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return INVALID;
            }
            Instant stamp = null;
            if (t == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    if (stamp == null && "timestamp".equals(field)) {
                        stamp = instantOf(p, value);
                    }
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            return p.nextToken() == null ? new LineStamp(true, stamp) : INVALID;
        } catch (IOException e) {
            return INVALID;
        }
    }

    private static Instant instantOf(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return Instant.ofEpochMilli(p.getLongValue());
        }
        if (value != JsonToken.VALUE_STRING) {
            return null;
        }
        return instantOf(p.getText());
    }

    /** A timestamp string: epoch milliseconds in digits, or an ISO-8601 instant with or without an offset. */
    static Instant instantOf(String raw) {
        String text = raw.trim();
        try {
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 19) {
                return Instant.ofEpochMilli(Long.parseLong(text));
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException | NumberFormatException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException again) {
                return null;
            }
        }
    }
}
