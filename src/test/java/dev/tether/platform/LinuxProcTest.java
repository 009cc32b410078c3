package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The /proc byte layouts the Claude Code probe reads, parsed as pure functions. */
class LinuxProcTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void cmdlineKeepsArgvZeroAndEmptyArguments() {
        assertEquals(List.of("claude", "-p", "", "hällo wörld"), LinuxProc.argv(bytes("claude\0-p\0\0hällo wörld\0")));
    }

    @Test
    void cmdlineWithoutTheLastNulIsStillRead() {
        // a process that rewrote its title leaves no NUL at the end
        assertEquals(List.of("node", "cli.js"), LinuxProc.argv(bytes("node\0cli.js")));
        assertEquals(List.of(), LinuxProc.argv(new byte[0]));
    }

    @Test
    void environKeepsOnlyTheDataDirVariables() {
        byte[] environ = bytes("PATH=/usr/bin\0HOME=/tmp/x/home\0ANTHROPIC_API_KEY=sk-secret\0CLAUDE_CONFIG_DIR=/srv/c=d\0");
        assertEquals(Map.of("HOME", "/tmp/x/home", "CLAUDE_CONFIG_DIR", "/srv/c=d"), LinuxProc.environ(environ));
    }

    @Test
    void startTimeIsField22EvenWhenTheNameHoldsSpacesAndParentheses() {
        // recorded from a running client (2.1.332), whose session file said "procStart":"28835"
        String stat = "25766 (claude.exe) S 25765 25766 25766 34816 25766 4194560 71190 0 0 0 129 26 0 0 20 0 8 0 28835"
                + " 74868473856 92806 18446744073709551615 1 1 0 0 0 0 0 16781312 1073743103 0 0 0 17 1 0 0 0 0 0\n";
        assertEquals(Optional.of("28835"), LinuxProc.startTime(stat));
        String odd = "77 (a) b (c) S 1 77 77 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 123456 0 0";
        assertEquals(Optional.of("123456"), LinuxProc.startTime(odd));
        assertEquals(Optional.empty(), LinuxProc.startTime("garbage"));
    }
}
