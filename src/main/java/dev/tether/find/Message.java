package dev.tether.find;

import java.util.List;

/** The {@code message} of a user or assistant line: its role and its content blocks (a string content is one text block). */
public record Message(String role, List<Block> content) {
    public Message {
        content = List.copyOf(content);
    }
}
