package dev.tether.find.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The straightforward search that {@link Search} must agree with: every line of every transcript parsed
 * with Jackson, its searchable texts taken as the README defines them (user text that is not meta,
 * assistant text, every string value of a tool call's input), folded with String and Character methods,
 * and {@code contains}. No pre-filter, no chunks, no shortcuts. Parses once; answers many queries.
 */
final class ReferenceSearch {
    private static final ObjectReader READER = JsonMapper.builder().build().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** One message: where it is (file and offset of its line) and its texts, folded. */
    private record Message(String where, List<String> folded) {
    }

    private final List<Message> messages = new ArrayList<>();

    ReferenceSearch(Path projects) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(projects)) {
            files = s.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz")).toList();
        }
        for (Path file : files) {
            byte[] bytes;
            try (InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                bytes = in.readAllBytes();
            }
            int start = 0;
            for (int i = 0; i <= bytes.length; i++) {
                if (i == bytes.length || bytes[i] == '\n') {
                    if (i > start) {
                        add(file, start, bytes, start, i);
                    }
                    start = i + 1;
                }
            }
        }
    }

    private void add(Path file, long offset, byte[] bytes, int from, int to) {
        JsonNode line;
        try {
            line = READER.readTree(bytes, from, to - from);
        } catch (IOException e) {
            return;
        }
        if (line == null || !line.isObject() || line.path("isMeta").booleanValue()) {
            return;
        }
        String type = line.path("type").asText("");
        JsonNode message = line.get("message");
        if (!(type.equals("user") || type.equals("assistant")) || message == null || !message.isObject()) {
            return;
        }
        List<String> texts = new ArrayList<>();
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
            texts.add(content.textValue());
        } else if (content != null && content.isArray()) {
            for (JsonNode block : content) {
                String blockType = block.path("type").isTextual() ? block.path("type").textValue() : null;
                if (block.isTextual()) {
                    texts.add(block.textValue());
                } else if ("text".equals(blockType)) {
                    texts.add(block.path("text").isTextual() ? block.path("text").textValue() : "");
                } else if (type.equals("assistant") && ("tool_use".equals(blockType) || "server_tool_use".equals(blockType))
                        && block.get("input") != null) {
                    strings(block.get("input"), texts);
                }
            }
        }
        messages.add(new Message(file + ":" + offset, texts.stream().map(ReferenceSearch::fold).toList()));
    }

    private static void strings(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.textValue());
        }
        node.elements().forEachRemaining(child -> strings(child, out));
    }

    static String fold(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(c))));
        return out.toString();
    }

    /** Every message (as "file:offset") holding every term in one of its texts. */
    Set<String> hits(List<String> terms) {
        List<String> folded = terms.stream().map(ReferenceSearch::fold).toList();
        Set<String> out = new HashSet<>();
        for (Message m : messages) {
            if (folded.stream().allMatch(t -> m.folded().stream().anyMatch(text -> text.contains(t)))) {
                out.add(m.where());
            }
        }
        return out;
    }
}
