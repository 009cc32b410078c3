package dev.tether.find.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The one input that says what a tool call did, for a one-line view: Bash's command, the path of
 * Read/Edit/Write/NotebookEdit, Grep's and Glob's pattern, WebFetch's URL, WebSearch's query, a Task's
 * description; for any other tool its first string field. Shown on one line, cut at 160 characters.
 */
final class ToolInputs {
    static final int MAX = 160;

    private ToolInputs() {
    }

    static String main(String tool, JsonNode input) {
        if (input == null || !input.isObject()) {
            return "";
        }
        String field = switch (tool) {
            case "Bash", "BashOutput" -> "command";
            case "Read", "Edit", "MultiEdit", "Write" -> "file_path";
            case "NotebookEdit", "NotebookRead" -> "notebook_path";
            case "Grep", "Glob" -> "pattern";
            case "WebFetch" -> "url";
            case "WebSearch" -> "query";
            case "Task", "Agent" -> "description";
            default -> null;
        };
        JsonNode value = field == null ? null : input.get(field);
        if (value == null || !value.isTextual()) {
            value = firstString(input);
        }
        return value == null ? "" : oneLine(value.textValue());
    }

    private static JsonNode firstString(JsonNode input) {
        for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext();) {
            JsonNode v = it.next().getValue();
            if (v.isTextual()) {
                return v;
            }
        }
        return null;
    }

    /** Line ends shown as ⏎, cut with … at {@link #MAX} characters. */
    static String oneLine(String s) {
        String flat = s.strip().replace("\r\n", "\n").replace('\n', '\u23ce').replace('\t', ' ');
        if (flat.length() <= MAX) {
            return flat;
        }
        int end = Character.isHighSurrogate(flat.charAt(MAX - 1)) ? MAX - 1 : MAX;
        return flat.substring(0, end) + "\u2026";
    }
}
