package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * One pass over every command of the packaged program, written for the native image (run with
 * {@code -Dtether.binary=target/tether}) but passing for the jar as well. Each step touches something a
 * native image only has when its metadata is right: picocli (reflection), the version resource, Jackson
 * records (state file, machine entries, the journal's plan), JNA ({@code renameat2} for same-filesystem
 * moves and the atomic swap of unlink, {@code isatty}), {@link ProcessHandle} (the Claude Code probe) and
 * the crash journal. stderr is checked for the errors a native image gives when metadata is missing.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "uses POSIX tools (sleep, python3 pty) and POSIX paths; Windows is smoke-tested by the release workflow")
class NativeSmokeIT {
    /** What a native image (or the JVM) prints when reflection, resource, JNI or class metadata is missing. */
    private static final List<String> METADATA_ERRORS = List.of("MissingReflectionRegistrationError",
            "MissingResourceRegistrationError", "MissingJNIRegistrationError", "UnsupportedFeatureError",
            "UnsatisfiedLinkError", "NoClassDefFoundError", "ClassNotFoundException", "NoSuchMethodException",
            "NoSuchFieldException", "InvalidDefinitionException", "unexpected error", "Exception in thread");

    @TempDir
    Path tmp;

    private Path home;
    private Path sync;
    private Tether tether;

    @BeforeEach
    void home() throws IOException {
        home = tmp.resolve("home");
        sync = home.resolve("Sync");
        Path claude = home.resolve(".claude");
        Files.createDirectories(claude.resolve("projects").resolve("-home-me-app"));
        Files.createDirectories(claude.resolve("file-history").resolve("s1"));
        Files.createDirectories(sync);
        Files.writeString(claude.resolve("history.jsonl"), "{\"display\":\"hello\",\"timestamp\":1}\n");
        Files.writeString(claude.resolve("projects").resolve("-home-me-app").resolve("s1.jsonl"), "{\"type\":\"user\"}\n");
        Files.writeString(claude.resolve("file-history").resolve("s1").resolve("a@v1"), "v1");
        Files.writeString(claude.resolve(".credentials.json"), "{}");
        tether = new Tether(home);
    }

    @Test
    void versionComesFromTheBuild() {
        Tether.Result r = clean(tether.run("--version"));
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().strip().matches("tether \\d+\\.\\d+\\.\\d+.*"), r::toString);
        assertFalse(r.stdout().contains("unknown"), "the version resource is missing: " + r);
    }

    @Test
    void helpListsEveryCommand() {
        Tether.Result r = clean(tether.run("--help"));
        assertEquals(0, r.exitCode(), r::toString);
        for (String command : List.of("setup", "verify", "unlink", "demo")) {
            assertTrue(r.stdout().contains(command), command + " missing from --help: " + r);
        }
    }

    @Test
    void setupVerifyUnlinkRoundTrip() throws IOException {
        // --allow-running: a Claude Code running on the test machine must not fail this test (the probe
        // itself is tested in refusesWhileClaudeCodeRuns)
        Tether.Result setup = clean(tether.run("setup", "--sync-root", sync.toString(), "--yes", "--json", "--allow-running"));
        assertEquals(0, setup.exitCode(), setup::toString);
        JsonNode doc = setup.json();
        assertEquals("setup", doc.path("command").asText(), setup::toString);
        JsonNode history = item(doc, "history.jsonl");
        assertEquals("move", history.path("action").asText(), setup::toString);
        assertEquals("done", history.path("result").asText(), setup::toString);
        assertFalse(history.path("crossDevice").asBoolean(true), "a same-filesystem move is one renameat2: " + setup);
        Path link = home.resolve(".claude").resolve("history.jsonl");
        Path synced = sync.resolve(".claude-session-backup").resolve("history.jsonl");
        assertTrue(Files.isSymbolicLink(link), setup::toString);
        assertEquals(synced, Files.readSymbolicLink(link));
        assertEquals("{\"display\":\"hello\",\"timestamp\":1}\n", Files.readString(synced));
        assertTrue(Files.isRegularFile(home.resolve(".claude").resolve(".credentials.json"), LinkOption.NOFOLLOW_LINKS));

        // verify reads the state file and the machine entry back (Jackson records)
        Tether.Result verify = clean(tether.run("verify", "--json"));
        assertEquals(0, verify.exitCode(), verify::toString);
        JsonNode report = verify.json();
        assertTrue(report.path("healthy").asBoolean(), verify::toString);
        assertEquals("ok", finding(report, "setup.state").path("status").asText(), verify::toString);
        assertTrue(finding(report, "setup.state").path("message").asText().contains("3 item(s) linked"), verify::toString);
        assertTrue(finding(report, "machines").path("message").asText().contains("this machine"), verify::toString);

        // a second setup reads the state and changes nothing
        Tether.Result again = clean(tether.run("setup", "--yes", "--json", "--allow-running"));
        assertEquals(0, again.exitCode(), again::toString);
        assertEquals("unchanged", item(again.json(), "history.jsonl").path("result").asText(), again::toString);

        // unlink swaps the copies into place with renameat2(RENAME_EXCHANGE)
        Tether.Result unlink = clean(tether.run("unlink", "--yes", "--json"));
        assertEquals(0, unlink.exitCode(), unlink::toString);
        assertEquals("done", item(unlink.json(), "history.jsonl").path("result").asText(), unlink::toString);
        assertFalse(Files.isSymbolicLink(link), unlink::toString);
        assertEquals("{\"display\":\"hello\",\"timestamp\":1}\n", Files.readString(link));
        assertEquals("{\"type\":\"user\"}\n",
                Files.readString(home.resolve(".claude").resolve("projects").resolve("-home-me-app").resolve("s1.jsonl")));
    }

    @Test
    void aCrashedSetupIsFinishedByTheNextSetup() throws IOException {
        Tether.Result crashed = new Tether(home).env("TETHER_CRASH_AT", "linked")
                .run("setup", "--sync-root", sync.toString(), "--yes", "--json", "--allow-running");
        assertEquals(137, crashed.exitCode(), crashed::toString);

        Tether.Result pending = clean(tether.run("verify", "--json"));
        assertEquals(1, pending.exitCode(), pending::toString);
        assertEquals("error", finding(pending.json(), "journal").path("status").asText(), pending::toString);

        // the journal's plan (RunPlan, JobSpec) is read back and rolled forward
        Tether.Result recovered = clean(tether.run("setup", "--yes", "--json", "--allow-running"));
        assertEquals(0, recovered.exitCode(), recovered::toString);
        assertTrue(recovered.stderr().contains("finished the interrupted setup"), recovered::toString);

        Tether.Result verify = clean(tether.run("verify", "--json"));
        assertEquals(0, verify.exitCode(), verify::toString);
        assertTrue(verify.json().path("healthy").asBoolean(), verify::toString);
        for (String name : List.of("history.jsonl", "projects", "file-history")) {
            assertTrue(Files.isSymbolicLink(home.resolve(".claude").resolve(name)), name + " not linked: " + verify);
        }
    }

    @Test
    void refusesWhileClaudeCodeRuns() throws Exception {
        // a process run as `claude` (the native installer's client) with this home: ProcessHandle and the reads of
        // /proc/<pid>/cmdline, exe and environ must all work in the native image for setup to see it
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path claude = Files.copy(Path.of("/bin/sleep"), bin.resolve("claude"), StandardCopyOption.COPY_ATTRIBUTES);
        ProcessBuilder pb = new ProcessBuilder(claude.toString(), "120");
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("CLAUDE_CONFIG_DIR");
        Process fake = pb.start();
        try {
            Tether.Result r = clean(tether.run("setup", "--sync-root", sync.toString(), "--yes", "--json"));
            assertEquals(3, r.exitCode(), r::toString);
            assertTrue(r.json().path("error").path("message").asText().contains("Claude Code is running"), r::toString);
            assertTrue(Files.isRegularFile(home.resolve(".claude").resolve("history.jsonl"), LinkOption.NOFOLLOW_LINKS));
        } finally {
            fake.destroy();
            fake.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void asksForConfirmationOnATerminal() {
        // isatty(0) through JNA: on a pseudo-terminal setup asks (and is told no); without one it refuses outright
        String python = python();
        assumeTrue(python != null, "python3 (for a pseudo-terminal) is not on the PATH");
        String pty = String.join("\n",
                "import os, pty, sys",
                "pid, fd = pty.fork()",
                "if pid == 0:",
                "    os.execv(sys.argv[1], sys.argv[1:])",
                "os.write(fd, b'n\\n')",
                "out = b''",
                "while True:",
                "    try:",
                "        data = os.read(fd, 4096)",
                "    except OSError:",
                "        break",
                "    if not data:",
                "        break",
                "    out += data",
                "_, status = os.waitpid(pid, 0)",
                "sys.stdout.buffer.write(out)",
                "sys.exit(os.waitstatus_to_exitcode(status))");
        Tether.Result onTty = clean(new Tether(home).via(python, "-I", "-c", pty)
                .run("setup", "--sync-root", sync.toString(), "--allow-running"));
        assertEquals(3, onTty.exitCode(), onTty::toString);
        assertTrue(onTty.stdout().contains("Apply this plan?"), onTty::toString);
        assertTrue(onTty.stdout().contains("not confirmed"), onTty::toString);

        Tether.Result noTty = clean(tether.run("setup", "--sync-root", sync.toString(), "--allow-running"));
        assertEquals(3, noTty.exitCode(), noTty::toString);
        assertTrue(noTty.stderr().contains("stdin is not a terminal"), noTty::toString);
        assertTrue(Files.isRegularFile(home.resolve(".claude").resolve("history.jsonl"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void demoRunsTheWholeStory() {
        Tether.Result r = clean(tether.run("demo"));
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("The demo went as expected."), r::toString);
    }

    private static Tether.Result clean(Tether.Result r) {
        List<String> found = new ArrayList<>();
        for (String marker : METADATA_ERRORS) {
            if (r.stderr().contains(marker) || r.stdout().contains(marker)) {
                found.add(marker);
            }
        }
        assertTrue(found.isEmpty(), "the output shows " + found + ":\n" + r);
        return r;
    }

    private static JsonNode item(JsonNode doc, String name) {
        for (JsonNode item : doc.path("items")) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("no item " + name + " in " + doc.toPrettyString());
    }

    private static JsonNode finding(JsonNode report, String id) {
        for (JsonNode f : report.path("findings")) {
            if (id.equals(f.path("id").asText())) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + report.toPrettyString());
    }

    /** The python3 interpreter itself (not a version manager's shim, which would look for its files under HOME). */
    private static String python() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import sys; print(sys.executable)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && !out.isEmpty() && Files.isExecutable(Path.of(out)) ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
