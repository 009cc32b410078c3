package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tether prints: help and version, global options anywhere, one JSON document, colour only for people. */
class OutputIT {
    private static final String ESC = "\u001b[";

    @TempDir
    Path tmp;

    private Sandbox s;

    @BeforeEach
    void home() throws IOException {
        s = Sandbox.create(tmp);
    }

    @Test
    void versionExitsZero() {
        for (String flag : List.of("--version", "-V")) {
            Tether.Result r = s.run(flag);
            assertEquals(0, r.exitCode(), r::toString);
            assertTrue(r.stdout().startsWith("tether "), r::toString);
        }
    }

    @Test
    void helpExitsZeroAndNamesTheCommands() {
        for (String flag : List.of("--help", "-h")) {
            Tether.Result r = s.run(flag);
            assertEquals(0, r.exitCode(), r::toString);
            for (String command : List.of("setup", "verify", "unlink")) {
                assertTrue(r.stdout().contains(command), () -> command + " missing from\n" + r);
            }
        }
        Tether.Result setup = s.run("setup", "--help");
        assertEquals(0, setup.exitCode(), setup::toString);
        assertTrue(setup.stdout().contains("--sync-root"), setup::toString);
    }

    @Test
    void jsonWorksBeforeAndAfterTheCommand() {
        s.linked();
        Tether.Result before = s.run("--json", "verify");
        Tether.Result after = s.run("verify", "--json");
        assertEquals(0, before.exitCode(), before::toString);
        assertEquals(0, after.exitCode(), after::toString);
        JsonNode a = Sandbox.onlyJson(before);
        JsonNode b = Sandbox.onlyJson(after);
        assertEquals("verify", a.path("command").asText());
        assertEquals(ids(a), ids(b));
    }

    @Test
    void directoryOptionsWorkBeforeAndAfterTheCommand() throws IOException {
        Path other = tmp.resolve("elsewhere").resolve("claude");
        Files.createDirectories(other);
        Path state = tmp.resolve("elsewhere").resolve("state");
        Tether.Result before = s.run("--claude-dir", other.toString(), "--state-dir", state.toString(), "--json", "setup",
                "--sync-root", s.drive.toString(), "--dry-run");
        Tether.Result after = s.run("setup", "--sync-root", s.drive.toString(), "--dry-run", "--json", "--claude-dir",
                other.toString(), "--state-dir", state.toString());
        for (Tether.Result r : List.of(before, after)) {
            assertEquals(0, r.exitCode(), r::toString);
            for (JsonNode item : Sandbox.onlyJson(r).path("items")) {
                assertEquals("absent", item.path("action").asText(), () -> "the --claude-dir was not used:\n" + r);
                assertTrue(item.path("source").asText().startsWith(other.toRealPath().toString()), r::toString);
            }
        }
    }

    @Test
    void quietAndVerboseAreAcceptedAnywhere() {
        for (List<String> args : List.of(List.of("-q", "verify"), List.of("verify", "-q"), List.of("-v", "verify"),
                List.of("verify", "--verbose"))) {
            Tether.Result r = s.run(args.toArray(String[]::new));
            assertEquals(1, r.exitCode(), r::toString);
        }
    }

    @Test
    void jsonKeepsMessagesForPeopleOffStdout() {
        Tether.Result r = s.setup("--json");
        assertEquals(0, r.exitCode(), r::toString);
        Sandbox.onlyJson(r);
        assertFalse(r.stderr().isBlank(), r::toString);
    }

    private static List<String> ids(JsonNode doc) {
        List<String> out = new ArrayList<>();
        doc.path("findings").forEach(f -> out.add(f.path("id").asText() + "/" + f.path("status").asText()));
        return out;
    }

    @Test
    void outputThatIsNotATerminalHasNoColour() {
        s.linked();
        for (Tether.Result r : List.of(s.run("verify"), s.setup("--dry-run"), s.run("unlink", "--dry-run"))) {
            assertFalse(r.stdout().contains(ESC) || r.stderr().contains(ESC), () -> "ANSI escapes in\n" + r);
        }
    }

    @Test
    void aTerminalGetsColourUnlessNoColorOrNoColorOptionSaysOtherwise() throws Exception {
        s.linked();
        String plain = onATerminal(List.of(), "verify");
        assertTrue(plain.contains(ESC), () -> "the check itself is broken: no colour even on a terminal:\n" + plain);
        String noColorVariable = onATerminal(List.of("NO_COLOR=1"), "verify");
        assertFalse(noColorVariable.contains(ESC), () -> "colour despite NO_COLOR:\n" + noColorVariable);
        String noColorOption = onATerminal(List.of(), "verify", "--no-color");
        assertFalse(noColorOption.contains(ESC), () -> "colour despite --no-color:\n" + noColorOption);
        String globalOption = onATerminal(List.of(), "--no-color", "verify");
        assertFalse(globalOption.contains(ESC), () -> "colour despite --no-color:\n" + globalOption);
        String json = onATerminal(List.of(), "verify", "--json");
        assertFalse(json.contains(ESC), () -> "colour in JSON:\n" + json);
    }

    /** Runs tether with stdout and stderr on a pseudo-terminal, through util-linux {@code script}; returns what it printed. */
    private String onATerminal(List<String> env, String... args) throws Exception {
        Path script = Path.of("/usr/bin/script");
        assumeTrue(Files.isExecutable(script), "util-linux script is needed for a pseudo-terminal");
        List<String> cmd = new ArrayList<>(Tether.program());
        cmd.addAll(List.of(args));
        String line = cmd.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "-q", "-e", "-c", line, "/dev/null");
        pb.environment().keySet().removeIf(k -> k.startsWith("TETHER_") || k.equals("NO_COLOR") || k.equals("CLAUDE_CONFIG_DIR")
                || k.startsWith("XDG_"));
        pb.environment().put("HOME", s.home.toString());
        pb.environment().put("TERM", "xterm");
        for (String pair : env) {
            pb.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Path out = tmp.resolve("pty-out.txt");
        pb.redirectErrorStream(true).redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "tether on a terminal did not finish");
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), printed);
        assertFalse(printed.contains("\tat ") || printed.contains("Exception"), printed);
        return printed;
    }
}
