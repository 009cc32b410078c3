package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tether's Claude Code hooks, with the packaged program: setup adds them after the user's own hooks and only
 * once, unlink removes only them; session-start is silent when healthy and says one line when the synced
 * folder is gone; session-end archives the session it is told about.
 */
class HooksIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Sandbox s;
    private Path settings;

    @BeforeEach
    void sandbox() throws IOException {
        s = Sandbox.create(tmp);
        settings = s.claude.resolve("settings.json");
        Files.writeString(settings, "{\n  \"hooks\": {\n    \"SessionStart\": [\n      {\n        \"matcher\": \"startup\",\n"
                + "        \"hooks\": [\n          {\n            \"type\": \"command\",\n            \"command\": \"echo mine\"\n"
                + "          }\n        ]\n      }\n    ]\n  }\n}\n");
    }

    private JsonNode settings() throws IOException {
        return JSON.readTree(Files.readString(settings));
    }

    @Test
    void setupAddsTethersHooksOnceAfterTheUsersAndUnlinkRemovesOnlyThem() throws IOException {
        assertEquals(0, s.setup().exitCode());
        JsonNode once = settings();
        assertEquals("echo mine", once.at("/hooks/SessionStart/0/hooks/0/command").asText());
        assertTrue(once.at("/hooks/SessionStart/1/hooks/0/command").asText().endsWith(" hook session-start"), once::toString);
        assertTrue(once.at("/hooks/SessionEnd/0/hooks/0/command").asText().endsWith(" hook session-end"), once::toString);
        Tether.Result again = s.setup("--json");
        assertEquals("ok", Sandbox.onlyJson(again).path("hooks").path("action").asText(), again::toString);
        assertEquals(once, settings());
        Tether.Result unlink = s.run("unlink", "--yes", "--allow-running");
        assertEquals(0, unlink.exitCode(), unlink::toString);
        JsonNode after = settings();
        assertEquals(1, after.at("/hooks/SessionStart").size());
        assertEquals("echo mine", after.at("/hooks/SessionStart/0/hooks/0/command").asText());
        assertFalse(after.path("hooks").has("SessionEnd"), after::toString);
    }

    @Test
    void noHooksLeavesThemOut() throws IOException {
        assertEquals(0, s.setup("--no-hooks").exitCode());
        assertFalse(settings().path("hooks").has("SessionEnd"));
    }

    @Test
    void sessionStartIsSilentWhenHealthyAndSaysOneLineWhenTheSyncedFolderIsGone() throws IOException {
        assertEquals(0, s.setup().exitCode());
        Tether.Result healthy = s.runWithInput("{\"session_id\":\"x\",\"hook_event_name\":\"SessionStart\",\"source\":\"startup\"}",
                "hook", "session-start");
        assertEquals(0, healthy.exitCode(), healthy::toString);
        assertEquals("", healthy.stdout().strip(), healthy::toString);
        Files.move(s.synced(), s.drive.resolve("moved-away"));
        Tether.Result broken = s.runWithInput("{}", "hook", "session-start");
        assertEquals(0, broken.exitCode(), broken::toString);
        String message = Sandbox.onlyJsonObject(broken).path("systemMessage").asText();
        assertTrue(message.contains("written nowhere"), broken::toString);
        assertEquals(1, broken.stdout().strip().lines().count(), broken::toString);
    }

    @Test
    void sessionEndArchivesTheSessionThatEnded() throws IOException {
        assertEquals(0, s.setup().exitCode());
        Path transcript;
        try (Stream<Path> walk = Files.walk(s.claude.resolve("projects").toRealPath())) {
            transcript = walk.filter(p -> p.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
        String id = transcript.getFileName().toString().replace(".jsonl", "");
        Path through = s.claude.resolve("projects").resolve(transcript.getParent().getFileName()).resolve(transcript.getFileName());
        Tether.Result r = s.runWithInput("{\"session_id\":\"" + id + "\",\"transcript_path\":\"" + through
                + "\",\"hook_event_name\":\"SessionEnd\",\"reason\":\"exit\"}", "hook", "session-end");
        assertEquals(0, r.exitCode(), r::toString);
        Path archived = s.home.resolve(".local/share/tether/archive/projects").resolve(transcript.getParent().getFileName())
                .resolve(id + ".jsonl.gz");
        assertTrue(Files.exists(archived), () -> "not archived: " + archived + "\n" + r);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(archived))) {
            assertArrayEquals(Files.readAllBytes(transcript), in.readAllBytes());
        }
        assertTrue(Files.readString(s.stateDir().resolve("hooks.jsonl")).contains("archived"));
    }
}
