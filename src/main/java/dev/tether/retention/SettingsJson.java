package dev.tether.retention;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Claude Code's {@code settings.json} as tether reads and writes it: parsed strictly (a duplicate key is
 * an error, so an edit never silently drops one of two values), numbers kept exactly as written, keys in
 * their order, and written back the way {@code JSON.stringify(settings, null, 2)} writes it (two-space
 * indentation, {@code "key": value}, one array element per line).
 */
public final class SettingsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private SettingsJson() {
    }

    /** The settings object; throws with the parser's reason when the bytes are not one JSON object. */
    public static ObjectNode parse(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new IOException("it is not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** The settings as {@code JSON.stringify(settings, null, 2)} writes them, with a final newline when {@code newline}. */
    public static byte[] write(ObjectNode settings, boolean newline) throws IOException {
        String text = MAPPER.writer(new StringifyPrinter()).writeValueAsString(settings);
        return (newline ? text + "\n" : text).getBytes(StandardCharsets.UTF_8);
    }

    /** Jackson's pretty printer, but empty objects and arrays as {@code {}} and {@code []}, as JavaScript writes them. */
    private static final class StringifyPrinter extends DefaultPrettyPrinter {
        StringifyPrinter() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        private StringifyPrinter(StringifyPrinter base) {
            super(base);
        }

        @Override
        public StringifyPrinter createInstance() {
            return new StringifyPrinter(this);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            if (entries == 0) {
                if (!_objectIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw('}');
                return;
            }
            super.writeEndObject(g, entries);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            if (values == 0) {
                if (!_arrayIndenter.isInline()) {
                    --_nesting;
                }
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, values);
        }
    }
}
