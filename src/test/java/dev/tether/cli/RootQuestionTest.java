package dev.tether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import dev.tether.detect.FoundBy;
import dev.tether.detect.Provider;
import dev.tether.detect.SyncRoot;
import dev.tether.platform.ClaudeProbe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** On a terminal, setup asks which of several detected roots to use. */
class RootQuestionTest {
    private static final List<SyncRoot> ROOTS = List.of(
            new SyncRoot(Provider.DROPBOX, Path.of("/home/me/Dropbox"), FoundBy.CONFIG_FILE, "/home/me/.dropbox/info.json",
                    "personal", true, true, true, false),
            new SyncRoot(Provider.SYNCTHING, Path.of("/home/me/Sync"), FoundBy.CONFIG_FILE, null, "Sync", true, true, true, false));

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Console console(String answer) {
        Environment env = new Environment(FileSystems.getDefault(), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)),
                null, ClaudeProbe.NONE, "/home/me");
        return new Console(env, false, false, false, false, true, false);
    }

    @Test
    void theAnsweredNumberPicksTheRoot() throws IOException {
        SyncRoot chosen = SetupCommand.askForRoot(console("2\n"), ROOTS);

        assertEquals(Path.of("/home/me/Sync"), chosen.path());
        String asked = err.toString(StandardCharsets.UTF_8);
        assertTrue(asked.contains("  1) dropbox  /home/me/Dropbox  (personal; config-file /home/me/.dropbox/info.json)"), asked);
        assertTrue(asked.contains("  2) syncthing  /home/me/Sync  (Sync; config-file)"), asked);
        assertTrue(asked.contains("[1-2]"), asked);
    }

    @Test
    void noAnswerOrAWrongOneRefusesWithNothingChanged() {
        for (String answer : new String[] {"", "3\n", "zero\n", "\n"}) {
            Failure.Refused e = assertThrows(Failure.Refused.class, () -> SetupCommand.askForRoot(console(answer), ROOTS));
            assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
        }
    }
}
