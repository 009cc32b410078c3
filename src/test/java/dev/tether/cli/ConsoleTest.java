package dev.tether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.ClaudeProbe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.FileSystems;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Whether stdin and stderr are terminals is asked when a command needs it, once, and not before. */
class ConsoleTest {
    @Test
    void terminalsAreAskedAboutOnFirstUseOnly() {
        Environment env = new Environment(FileSystems.getDefault(), Map.of(), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream(new byte[0]), null, ClaudeProbe.NONE, "/home/me");
        AtomicInteger stdinAsked = new AtomicInteger();
        AtomicInteger stderrAsked = new AtomicInteger();
        Console console = new Console(env, false, false, false, false, () -> stdinAsked.incrementAndGet() > 0,
                () -> stderrAsked.incrementAndGet() < 0);
        console.say("a listing needs neither");
        assertEquals(0, stdinAsked.get());
        assertEquals(0, stderrAsked.get());

        assertTrue(console.stdinIsTerminal());
        assertTrue(console.stdinIsTerminal());
        assertEquals(1, stdinAsked.get());
        assertFalse(console.progressWanted());
        assertFalse(console.progressWanted());
        assertEquals(1, stderrAsked.get());
    }
}
