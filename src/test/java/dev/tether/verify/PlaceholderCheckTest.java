package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.Context;
import dev.tether.layout.Locations;
import dev.tether.layout.Os;
import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.JimfsPlatform;
import dev.tether.platform.LinkKindDecision.SymlinkRights;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaceholderCheckTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.osX());
    private final Path root = fs.getPath("/Users/z/Library/CloudStorage/iCloud Drive");
    private final Path synced = root.resolve(".claude-session-backup");
    private final Path projects = synced.resolve("projects");
    private final Path history = synced.resolve("history.jsonl");
    private JimfsPlatform mac;

    @BeforeEach
    void aSyncedFolder() throws IOException {
        Files.createDirectories(projects.resolve("-Users-z-app"));
        Files.writeString(projects.resolve("-Users-z-app/a.jsonl"), "a\n");
        Files.writeString(projects.resolve("-Users-z-app/b.jsonl"), "b\n");
        Files.writeString(projects.resolve("-Users-z-app/c.jsonl"), "c\n");
        Files.writeString(history, "h\n");
        mac = JimfsPlatform.mac();
    }

    @Test
    void everyDownloadedFileIsOk() throws IOException {
        List<Finding> findings = run(mac);
        assertEquals(1, findings.size());
        assertEquals(Finding.Status.OK, findings.get(0).status());
        assertEquals("placeholder", findings.get(0).id());
    }

    @Test
    void datalessFilesAreWarnedPerItemWithTheKeepDownloadedHint() throws IOException {
        mac.placeholder(projects.resolve("-Users-z-app/a.jsonl")).placeholder(projects.resolve("-Users-z-app/c.jsonl"))
                .placeholder(history);
        List<Finding> findings = run(mac);
        assertEquals(2, findings.size());
        Finding p = findings.get(0);
        assertEquals(Finding.Status.WARN, p.status());
        assertEquals("projects", p.item());
        assertTrue(p.message().startsWith("2 file(s) are online-only placeholders"), p.message());
        assertTrue(p.hint().contains("Keep Downloaded"), p.hint());
        assertEquals("history.jsonl", findings.get(1).item());
    }

    @Test
    void aDatalessFolderCountsOnceAndIsNotListed() throws IOException {
        Path folder = projects.resolve("-Users-z-app");
        mac.placeholder(folder).placeholder(folder.resolve("a.jsonl")).placeholder(folder.resolve("b.jsonl"));
        assertEquals(List.of(folder), PlaceholderCheck.placeholders(mac, projects));
    }

    @Test
    void aLinkInsideTheSyncedTreeIsNotFollowed() throws IOException {
        Path elsewhere = Files.createDirectories(fs.getPath("/Users/z/elsewhere"));
        Files.writeString(elsewhere.resolve("x"), "x");
        mac.placeholder(elsewhere.resolve("x"));
        Files.createSymbolicLink(projects.resolve("through"), elsewhere);
        assertEquals(List.of(), PlaceholderCheck.placeholders(mac, projects));
    }

    @Test
    void onWindowsTheHintIsAlwaysKeepOnThisDevice() throws IOException {
        JimfsPlatform windows = JimfsPlatform.windows(SymlinkRights.NONE).placeholder(history);
        Finding f = run(windows).get(0);
        assertEquals(Finding.Status.WARN, f.status());
        assertTrue(f.hint().contains("Always keep on this device"), f.hint());
    }

    @Test
    void linuxHasNoPlaceholderFlagSoNothingIsReported() throws IOException {
        assertEquals(List.of(), run(JimfsPlatform.linux()));
    }

    private List<Finding> run(JimfsPlatform platform) throws IOException {
        Locations here = Locations.resolve(fs, Map.of("HOME", "/Users/z"), platform.os(), null, null, "/Users/z");
        Context ctx = new Context(fs, Map.of(), platform.os(), platform, here, ClaudeProbe.NONE);
        State state = new State(1, root.toString(), ".claude-session-backup", synced.toString(), here.claudeDir().toString(),
                List.of(new State.LinkedItem("projects", "dir", projects.toString(), null),
                        new State.LinkedItem("history.jsonl", "file", history.toString(), null)),
                List.of("projects", "history.jsonl"), "2025-01-01T00:00:00Z");
        return new PlaceholderCheck().run(new VerifyContext(ctx, Optional.of(state), Optional.empty()));
    }
}
