package dev.tether.find.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import org.junit.jupiter.api.Test;

/** A tool call is shown by the input that says what it did. */
class ToolInputsTest {
    private static JsonNode json(String s) throws Exception {
        return Json.COMPACT.readTree(s);
    }

    @Test
    void eachKnownToolShowsItsMainInput() throws Exception {
        assertEquals("mvn -q test", ToolInputs.main("Bash", json("{\"description\":\"run\",\"command\":\"mvn -q test\"}")));
        assertEquals("/a/b.java", ToolInputs.main("Read", json("{\"file_path\":\"/a/b.java\",\"limit\":5}")));
        assertEquals("/a/b.java", ToolInputs.main("Edit", json("{\"old_string\":\"x\",\"file_path\":\"/a/b.java\"}")));
        assertEquals("/a/b.java", ToolInputs.main("Write", json("{\"content\":\"x\",\"file_path\":\"/a/b.java\"}")));
        assertEquals("TODO", ToolInputs.main("Grep", json("{\"path\":\"/src\",\"pattern\":\"TODO\"}")));
        assertEquals("**/*.md", ToolInputs.main("Glob", json("{\"pattern\":\"**/*.md\"}")));
        assertEquals("https://example.com", ToolInputs.main("WebFetch", json("{\"prompt\":\"p\",\"url\":\"https://example.com\"}")));
    }

    @Test
    void anyOtherToolShowsItsFirstString() throws Exception {
        assertEquals("q", ToolInputs.main("mcp__x__y", json("{\"limit\":3,\"query\":\"q\",\"other\":\"o\"}")));
        assertEquals("", ToolInputs.main("mcp__x__y", json("{\"limit\":3}")));
        assertEquals("", ToolInputs.main("Bash", null));
    }

    @Test
    void isOneLineAndShort() {
        assertEquals("a\u23ceb", ToolInputs.oneLine("a\nb\n"));
        assertEquals(ToolInputs.MAX + 1, ToolInputs.oneLine("z".repeat(500)).length());
    }
}
