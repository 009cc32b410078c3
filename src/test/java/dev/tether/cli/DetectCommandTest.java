package dev.tether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.Main;
import dev.tether.layout.Os;
import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.JimfsPlatform;
import dev.tether.platform.RegistryReader;
import dev.tether.state.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code tether detect} run in-process against fake homes (Jimfs) of each OS. */
class DetectCommandTest {

    /** One run: the exit code and what went to stdout and stderr. */
    private record Run(int exitCode, String out, String err) {
        JsonNode json() throws IOException {
            return Json.COMPACT.readTree(out);
        }
    }

    private static Run run(FileSystem fs, Os os, String home, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment env = new Environment(fs, Map.of(os == Os.WINDOWS ? "USERPROFILE" : "HOME", home),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), JimfsPlatform.of(os), ClaudeProbe.NONE, home);
        int code = Main.run(args, env);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static FileSystem linuxHome() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
        Files.createDirectories(fs.getPath("/home/me/.claude"));
        return fs;
    }

    @Test
    void jsonListsEveryRootWithTheFieldsOfTheContract() throws IOException {
        FileSystem fs = linuxHome();
        Files.createDirectories(fs.getPath("/home/me/Dropbox (Persönlich)"));
        Files.createDirectories(fs.getPath("/home/me/.dropbox"));
        Files.writeString(fs.getPath("/home/me/.dropbox/info.json"),
                "{\"personal\":{\"path\":\"/home/me/Dropbox (Persönlich)\"},\"business\":{\"path\":\"/srv/Dropbox (Acme)\"}}");

        Run r = run(fs, Os.LINUX, "/home/me", "detect", "--json");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = r.json();
        assertEquals(1, doc.get("schema").asInt());
        assertEquals("detect", doc.get("command").asText());
        assertEquals(2, doc.get("roots").size());
        JsonNode personal = doc.get("roots").get(0);
        assertEquals(Set.of("provider", "path", "foundBy", "exists", "writable", "sameFilesystem", "onlineOnlyPossible",
                "account", "source"), fieldNames(personal));
        assertEquals("dropbox", personal.get("provider").asText());
        assertEquals("/home/me/Dropbox (Persönlich)", personal.get("path").asText());
        assertEquals("config-file", personal.get("foundBy").asText());
        assertTrue(personal.get("exists").asBoolean());
        assertTrue(personal.get("writable").asBoolean());
        assertTrue(personal.get("sameFilesystem").asBoolean());
        assertFalse(personal.get("onlineOnlyPossible").asBoolean());
        assertEquals("personal", personal.get("account").asText());
        assertFalse(doc.get("roots").get(1).get("exists").asBoolean());
    }

    @Test
    void withoutAnAccountTheFieldIsLeftOut() throws IOException {
        FileSystem fs = linuxHome();
        Files.createDirectories(fs.getPath("/home/me/pCloudDrive"));

        JsonNode root = run(fs, Os.LINUX, "/home/me", "detect", "--json").json().get("roots").get(0);

        assertFalse(root.has("account"));
        assertEquals("default-path", root.get("foundBy").asText());
        assertTrue(root.get("source").isNull());
    }

    @Test
    void theTextTableShowsOneRootPerLineWithItsFlags() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.osX());
        Files.createDirectories(fs.getPath("/Users/me/.claude"));
        Files.createDirectories(fs.getPath("/Users/me/Library/CloudStorage/GoogleDrive-me@gmail.com/My Drive"));

        Run r = run(fs, Os.MACOS, "/Users/me", "detect");

        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("provider"), r.out());
        assertTrue(lines.get(1).matches("google-drive\\s+default-path\\s+yes\\s+yes\\s+yes\\s+possible\\s+"
                + "/Users/me/Library/CloudStorage/GoogleDrive-me@gmail.com/My Drive  \\(me@gmail.com\\)"), lines.get(1));
        assertTrue(r.out().contains("tether setup --provider ID"), r.out());
    }

    @Test
    void onWindowsTheRegistryAndTheVariablesAreRead() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(Configuration.windows());
        Files.createDirectories(fs.getPath("C:\\Users\\me\\.claude"));
        Files.createDirectories(fs.getPath("C:\\Users\\me\\OneDrive"));

        Run r = run(fs, Os.WINDOWS, "C:\\Users\\me", "detect", "--json");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode root = r.json().get("roots").get(0);
        assertEquals("onedrive", root.get("provider").asText());
        assertEquals("C:\\Users\\me\\OneDrive", root.get("path").asText());
    }

    @Test
    void nothingFoundIsExit1WithAHelpfulMessageAndAnEmptyList() throws IOException {
        Run text = run(linuxHome(), Os.LINUX, "/home/me", "detect");
        Run json = run(linuxHome(), Os.LINUX, "/home/me", "detect", "--json");

        assertEquals(1, text.exitCode());
        assertTrue(text.err().contains("no sync root found"), text.err());
        assertTrue(text.err().contains("tether setup --sync-root DIR"), text.err());
        assertEquals("", text.out());
        assertEquals(1, json.exitCode());
        assertEquals(0, json.json().get("roots").size());
    }

    @Test
    void verboseShowsWhereTetherLookedAndWhatItSkipped() throws IOException {
        FileSystem fs = linuxHome();
        Files.createDirectories(fs.getPath("/home/me/.dropbox"));
        Files.writeString(fs.getPath("/home/me/.dropbox/info.json"), "{oops");

        Run quiet = run(fs, Os.LINUX, "/home/me", "detect");
        Run verbose = run(fs, Os.LINUX, "/home/me", "detect", "-v");

        assertFalse(quiet.err().contains("info.json"), quiet.err());
        assertTrue(verbose.err().contains("dropbox: skipped /home/me/.dropbox/info.json: not valid JSON"), verbose.err());
        assertTrue(verbose.err().contains("syncthing: no /home/me/.config/syncthing/config.xml"), verbose.err());
        assertEquals(1, verbose.exitCode());
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
