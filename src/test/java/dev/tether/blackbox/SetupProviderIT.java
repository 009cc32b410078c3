package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.apply.Trees;
import dev.tether.demo.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tether detect} and {@code setup --provider} from the outside: the packaged program, a temp home
 * with a fake Dropbox ({@code ~/.dropbox/info.json}) and a generated Claude data dir.
 */
class SetupProviderIT {
    private Path work;
    private Path home;
    private Path claude;
    private Tether tether;

    @BeforeEach
    void home() throws IOException {
        work = Files.createTempDirectory(Path.of("target"), "setup-provider-").toAbsolutePath();
        home = work.resolve("home");
        claude = home.resolve(".claude");
        SampleData.generate(claude, 7, SampleData.Scale.SMALL);
        // the variables that could point detection at the developer's own clients are emptied (empty = unset)
        tether = new Tether(home).env("STHOMEDIR", "").env("STCONFDIR", "");
    }

    @AfterEach
    void clean() throws IOException {
        Trees.deleteIfExists(work);
    }

    private Path dropbox(String personal, String business) throws IOException {
        Path root = Files.createDirectories(home.resolve(personal));
        StringBuilder json = new StringBuilder("{\"personal\": {\"path\": \"" + root + "\", \"host\": 1}");
        if (business != null) {
            json.append(", \"business\": {\"path\": \"").append(Files.createDirectories(home.resolve(business))).append("\"}");
        }
        Files.createDirectories(home.resolve(".dropbox"));
        Files.writeString(home.resolve(".dropbox/info.json"), json.append("}").toString());
        return root;
    }

    @Test
    void setupWithProviderDropboxLinksIntoTheFolderInfoJsonNames() throws IOException {
        Path root = dropbox("Dropbox (Persönlich)", null);

        Tether.Result setup = tether.run("setup", "--provider", "dropbox", "--yes");

        assertEquals(0, setup.exitCode(), setup.toString());
        assertTrue(setup.stdout().contains("Sync root: " + root + " (dropbox  " + root), setup.stdout());
        Path synced = root.resolve(".claude-session-backup");
        assertTrue(Files.isSymbolicLink(claude.resolve("projects")));
        assertEquals(synced.resolve("projects"), Files.readSymbolicLink(claude.resolve("projects")));
        assertTrue(Files.isRegularFile(synced.resolve("history.jsonl")));
        assertFalse(Files.isSymbolicLink(claude.resolve(".credentials.json")), "credentials stay");

        Tether.Result again = tether.run("setup", "--yes", "--json");
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals("recorded", again.json().get("syncRootFrom").asText());
        assertEquals(0, tether.run("verify").exitCode());
    }

    @Test
    void detectJsonListsTheDropboxRoot() throws IOException {
        Path root = dropbox("Dropbox", null);

        Tether.Result detect = tether.run("detect", "--json");

        assertEquals(0, detect.exitCode(), detect.toString());
        JsonNode doc = detect.json();
        assertEquals("detect", doc.get("command").asText());
        JsonNode first = doc.get("roots").get(0);
        assertEquals("dropbox", first.get("provider").asText());
        assertEquals(root.toString(), first.get("path").asText());
        assertEquals("config-file", first.get("foundBy").asText());
        assertTrue(first.get("exists").asBoolean());
        assertTrue(first.get("writable").asBoolean());
        assertTrue(first.get("sameFilesystem").asBoolean());
        assertFalse(first.get("onlineOnlyPossible").asBoolean());
        assertEquals("personal", first.get("account").asText());
    }

    @Test
    void detectFindsNothingInAnEmptyHomeAndSaysWhatToDo() {
        Tether.Result detect = tether.run("detect");

        assertEquals(1, detect.exitCode(), detect.toString());
        assertTrue(detect.stderr().contains("no sync root found"), detect.stderr());
        assertTrue(detect.stderr().contains("tether setup --sync-root DIR"), detect.stderr());
    }

    @Test
    void anUnknownProviderIsExit2() {
        Tether.Result setup = tether.run("setup", "--provider", "megasync", "--yes");

        assertEquals(2, setup.exitCode(), setup.toString());
        assertTrue(setup.stderr().contains("unknown provider 'megasync'"), setup.stderr());
        assertTrue(setup.stderr().contains("proton-drive, dropbox, onedrive"), setup.stderr());
    }

    @Test
    void aProviderThatIsNotFoundIsExit2WithAMessageAndNothingChanges() throws IOException {
        dropbox("Dropbox", null);

        Tether.Result setup = tether.run("setup", "--provider", "onedrive", "--yes");

        assertEquals(2, setup.exitCode(), setup.toString());
        assertTrue(setup.stderr().contains("no OneDrive folder was found on this machine"), setup.stderr());
        assertFalse(Files.isSymbolicLink(claude.resolve("projects")));
    }

    @Test
    void severalRootsWithoutATerminalIsExit2ListingThem() throws IOException {
        Path personal = dropbox("Dropbox", "Dropbox (Acme Café)");

        Tether.Result setup = tether.run("setup", "--yes", "--json");

        assertEquals(2, setup.exitCode(), setup.toString());
        String message = setup.json().get("error").get("message").asText();
        assertTrue(message.contains(personal.toString()), message);
        assertTrue(message.contains(home.resolve("Dropbox (Acme Café)").toString()), message);
        assertTrue(setup.stderr().contains("several sync roots were found"), setup.stderr());
        assertFalse(Files.isSymbolicLink(claude.resolve("projects")), "nothing changed");
    }

    @Test
    void severalRootsOnATerminalAreOfferedAndTheAnswerIsUsed() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs util-linux script for a terminal");
        dropbox("Dropbox", "Dropbox (Acme Café)");
        Path business = home.resolve("Dropbox (Acme Café)");
        String command = Tether.program().stream().map(SetupProviderIT::shellQuote).collect(Collectors.joining(" "))
                + " setup --yes";
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-qec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("TETHER_") || k.startsWith("XDG_") || k.startsWith("ST")
                || k.equals("CLAUDE_CONFIG_DIR"));
        pb.environment().putAll(Map.of("HOME", home.toString(), "NO_COLOR", "1"));
        Process p = pb.start();
        p.getOutputStream().write("2\n".getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        boolean ended = p.waitFor(2, TimeUnit.MINUTES);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.getOutputStream().close();

        assertTrue(ended, output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("Several sync roots were found:"), output);
        assertTrue(output.contains("2) dropbox  " + business), output);
        assertEquals(business.resolve(".claude-session-backup").resolve("projects"),
                Files.readSymbolicLink(claude.resolve("projects")));
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    @Test
    void theSingleDetectedRootIsUsedWithoutAnyOption() throws IOException {
        Path root = dropbox("Dropbox", null);

        Tether.Result setup = tether.run("setup", "--yes", "--json");

        assertEquals(0, setup.exitCode(), setup.toString());
        assertEquals(root.toString(), setup.json().get("syncRoot").asText());
        assertEquals("detected", setup.json().get("syncRootFrom").asText());
    }
}
