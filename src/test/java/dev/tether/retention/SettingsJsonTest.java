package dev.tether.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and writing settings.json: strict, order-keeping, in the shape Claude Code writes. */
class SettingsJsonTest {
    private static final String AS_CLAUDE_WRITES = """
            {
              "model": "opus",
              "permissions": {
                "allow": [
                  "Bash(git status)",
                  "Read(~/code/**)"
                ],
                "deny": []
              },
              "env": {},
              "hooks": {
                "Stop": [
                  {
                    "matcher": "",
                    "hooks": [
                      {
                        "type": "command",
                        "command": "echo \\"done\\" & ünïcode"
                      }
                    ]
                  }
                ]
              },
              "ratio": 1.5,
              "big": 123456789012345678901234567890,
              "flag": true,
              "nothing": null
            }
            """;

    @Test
    void whatClaudeCodeWroteIsWrittenBackByteForByte() throws IOException {
        byte[] bytes = AS_CLAUDE_WRITES.getBytes(StandardCharsets.UTF_8);
        assertEquals(AS_CLAUDE_WRITES, new String(SettingsJson.write(SettingsJson.parse(bytes), true), StandardCharsets.UTF_8));
    }

    @Test
    void addingTheKeyPutsItLastAndKeepsEveryOtherKeyInOrder() throws IOException {
        ObjectNode settings = SettingsJson.parse(AS_CLAUDE_WRITES.getBytes(StandardCharsets.UTF_8));
        List<String> before = names(settings);
        settings.put(Retention.KEY, Retention.KEEP_ALL);
        ObjectNode after = SettingsJson.parse(SettingsJson.write(settings, true));
        List<String> expected = new ArrayList<>(before);
        expected.add(Retention.KEY);
        assertEquals(expected, names(after));
        after.remove(Retention.KEY);
        assertEquals(SettingsJson.parse(AS_CLAUDE_WRITES.getBytes(StandardCharsets.UTF_8)), after);
    }

    @Test
    void aDuplicateKeyIsAnErrorNotASilentChoice() {
        assertThrows(IOException.class, () -> SettingsJson.parse("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void somethingThatIsNotOneJsonObjectIsAnError() {
        for (String text : List.of("", "[1]", "{\"a\": 1} {}", "{\"a\": ", "// comment\n{}")) {
            assertThrows(IOException.class, () -> SettingsJson.parse(text.getBytes(StandardCharsets.UTF_8)), text);
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
