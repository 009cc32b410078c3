package dev.tether.find;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One block of a message's content. A message whose content is a plain string holds one {@link Text};
 * block types tether does not know are kept by name ({@link Other}).
 */
public sealed interface Block {

    /** What the user typed or the assistant wrote. */
    record Text(String text) implements Block {
    }

    /** The assistant's extended thinking; shown folded. */
    record Thinking(String text) implements Block {
    }

    /** A tool call: the tool's name and its input object (any JSON; null when the line had none). */
    record ToolUse(String id, String name, JsonNode input) implements Block {
    }

    /**
     * What a tool returned, carried by a user line: its content as text (a string, or its text blocks
     * joined by newlines, an image as {@code [image]}).
     */
    record ToolResult(String toolUseId, boolean error, String text) implements Block {
    }

    /** A pasted or returned image; its bytes are not kept. */
    record Image(String mediaType) implements Block {
    }

    /** A block of a type tether does not know, kept by name. */
    record Other(String type) implements Block {
    }
}
