package dev.tether.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** tether's hook entries merged into settings.json: the user's hooks kept, tether's once, removed alone. */
class HookEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "/opt/tether/tether --claude-dir /home/me/.claude --state-dir '/home/me/my state' hook session-start";
    private static final String END = "/opt/tether/tether --claude-dir /home/me/.claude --state-dir '/home/me/my state' hook session-end";
    private static final String USERS = """
            {"hooks": {"SessionStart": [{"matcher": "startup", "hooks": [{"type": "command", "command": "echo hello"}]}],
                       "Stop": [{"hooks": [{"type": "command", "command": "notify-send done"}]}]},
             "model": "opus"}""";

    private static ObjectNode users() throws Exception {
        return (ObjectNode) JSON.readTree(USERS);
    }

    @Test
    void theUsersOwnHooksStayAndTethersComeAfterThem() throws Exception {
        ObjectNode s = users();
        HookEntries.add(s, START, END);
        assertEquals("echo hello", s.at("/hooks/SessionStart/0/hooks/0/command").asText());
        assertEquals(START, s.at("/hooks/SessionStart/1/hooks/0/command").asText());
        assertEquals(END, s.at("/hooks/SessionEnd/0/hooks/0/command").asText());
        assertEquals("notify-send done", s.at("/hooks/Stop/0/hooks/0/command").asText());
        assertTrue(HookEntries.present(s, START, END));
    }

    @Test
    void addingTwiceAddsThemOnceAndAMovedTetherIsUpdatedInPlace() throws Exception {
        ObjectNode s = users();
        HookEntries.add(s, START, END);
        HookEntries.add(s, START, END);
        assertEquals(2, s.at("/hooks/SessionStart").size());
        assertEquals(1, s.at("/hooks/SessionEnd").size());
        String moved = "/usr/lib/jvm/java/bin/java -jar '/srv/tools/tether 1.2.jar' hook session-start";
        HookEntries.add(s, moved, END);
        assertEquals(2, s.at("/hooks/SessionStart").size());
        assertEquals(moved, s.at("/hooks/SessionStart/1/hooks/0/command").asText());
    }

    @Test
    void eachEntryHasATimeLimitAndAnOldEntryWithoutOneGetsIt() throws Exception {
        ObjectNode s = (ObjectNode) JSON.readTree("{\"hooks\": {\"SessionEnd\": [{\"hooks\": [{\"type\": \"command\", \"command\": \""
                + END + "\"}]}]}}");
        assertFalse(HookEntries.present(s, START, END), "an entry without tether's time limit is not as planned");
        HookEntries.add(s, START, END);
        assertEquals(1, s.at("/hooks/SessionEnd").size());
        assertEquals(HookEntries.END_TIMEOUT, s.at("/hooks/SessionEnd/0/hooks/0/timeout").asInt());
        assertEquals(HookEntries.START_TIMEOUT, s.at("/hooks/SessionStart/0/hooks/0/timeout").asInt());
        assertTrue(HookEntries.present(s, START, END));
    }

    @Test
    void removingTakesOnlyTethersAndWhatHeldNothingElse() throws Exception {
        ObjectNode s = users();
        ObjectNode before = s.deepCopy();
        HookEntries.add(s, START, END);
        HookEntries.remove(s, false);
        assertEquals(before, s);
        assertFalse(HookEntries.any(s));
    }

    @Test
    void aHooksObjectSetupMadeGoesWhenEmptyOneTheUserHadStays() throws Exception {
        ObjectNode made = (ObjectNode) JSON.readTree("{\"model\": \"opus\"}");
        HookEntries.add(made, START, END);
        HookEntries.remove(made, true);
        assertEquals(JSON.readTree("{\"model\": \"opus\"}"), made);
        ObjectNode had = (ObjectNode) JSON.readTree("{\"hooks\": {}}");
        HookEntries.add(had, START, END);
        HookEntries.remove(had, false);
        assertEquals(JSON.readTree("{\"hooks\": {}}"), had);
    }

    @Test
    void onlyTethersCommandsCountAsTethers() {
        assertTrue(HookEntries.isTethers(START, HookEntries.START));
        assertTrue(HookEntries.isTethers("tether hook session-end", HookEntries.END));
        assertTrue(HookEntries.isTethers("C:\\Tools\\tether.exe hook session-start", HookEntries.START));
        assertTrue(HookEntries.isTethers("/usr/bin/java -jar /x/tether.jar hook session-start", HookEntries.START));
        assertFalse(HookEntries.isTethers("my-script hook session-start", HookEntries.START));
        assertFalse(HookEntries.isTethers("echo tether hook session-startx", HookEntries.START));
        assertFalse(HookEntries.isTethers("/opt/tether/tether hook session-end", HookEntries.START));
        assertFalse(HookEntries.isTethers("/home/me/bin/untethered hook session-start", HookEntries.START));
    }
}
