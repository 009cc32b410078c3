package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Kind;
import dev.tether.layout.Locations;
import dev.tether.layout.Os;
import dev.tether.platform.JimfsPlatform;
import dev.tether.platform.LinkKind;
import dev.tether.platform.LinkKindDecision.Outcome;
import dev.tether.platform.LinkKindDecision.SymlinkRights;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Planning on a Windows-shaped Jimfs: drive letters, case-insensitive names, a %USERPROFILE% home. */
class WindowsPlanningTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.windows().toBuilder()
            .setRoots("C:\\", "D:\\")
            .setWorkingDirectory("C:\\Windows\\System32")
            .setPathEqualityUsesCanonicalForm(true) // Windows compares paths without regard to case
            .build());
    private final Map<String, String> env = Map.of("USERPROFILE", "C:\\Users\\Zoë", "LOCALAPPDATA", "C:\\Users\\Zoë\\AppData\\Local");
    private final Locations here = Locations.resolve(fs, env, Os.WINDOWS, null, null, "C:\\Users\\Default");

    @Test
    void theHomeIsUserProfileAndTheStateLivesInLocalAppData() {
        assertEquals(fs.getPath("C:\\Users\\Zoë"), here.home());
        assertEquals(fs.getPath("C:\\Users\\Zoë\\.claude"), here.claudeDir());
        assertEquals(fs.getPath("C:\\Users\\Zoë\\AppData\\Local\\tether"), here.stateDir());
    }

    @Test
    void withoutSymlinkRightsFoldersBecomeJunctionsAndTheHistoryFileIsRefusedWithTheDeveloperModeHint() throws IOException {
        Platform platform = JimfsPlatform.windows(SymlinkRights.NONE);
        List<Action> plan = plan(platform, "C:\\Users\\Zoë\\Proton Drive", "projects", "history.jsonl", "file-history");
        assertTrue(plan.stream().allMatch(a -> a instanceof Action.Move), plan.toString());

        assertEquals(new Outcome.Make(LinkKind.JUNCTION), linkFor(platform, plan.get(0)));
        assertEquals(new Outcome.Make(LinkKind.JUNCTION), linkFor(platform, plan.get(2)));
        Outcome.Refuse history = assertInstanceOf(Outcome.Refuse.class, linkFor(platform, plan.get(1)));
        assertTrue(history.reason().contains("may not make symbolic links"), history.reason());
        assertTrue(history.hint().contains("Developer Mode"), history.hint());
    }

    @Test
    void withDeveloperModeEveryItemIsASymlink() throws IOException {
        Platform platform = JimfsPlatform.windows(SymlinkRights.DEVELOPER_MODE);
        for (Action a : plan(platform, "C:\\Users\\Zoë\\Proton Drive", "projects", "history.jsonl")) {
            assertEquals(new Outcome.Make(LinkKind.SYMLINK), linkFor(platform, a));
        }
    }

    @Test
    void aSyncRootOnAnotherDriveIsACopyAcrossDevicesAndOnTheSameDriveARename() throws IOException {
        Platform platform = JimfsPlatform.windows(SymlinkRights.NONE);
        Action.Move other = assertInstanceOf(Action.Move.class, plan(platform, "D:\\Dropbox", "projects").get(0));
        assertTrue(other.crossDevice());
        assertEquals(fs.getPath("D:\\Dropbox\\.claude-session-backup\\projects"), other.target());
        assertEquals(2, other.files());
        Action.Move same = assertInstanceOf(Action.Move.class, plan(platform, "C:\\Users\\Zoë\\OneDrive", "projects").get(0));
        assertFalse(same.crossDevice());
    }

    @Test
    void namesAreFoundWhateverCaseTheUserTypedAndTheTargetKeepsTheCaseOnDisk() throws IOException {
        Files.createDirectories(fs.getPath("C:\\Users\\Zoë\\Proton Drive"));
        Platform platform = JimfsPlatform.windows(SymlinkRights.NONE);
        Files.createDirectories(here.claudeDir().resolve("Projects"));
        Files.writeString(here.claudeDir().resolve("Projects\\s.jsonl"), "{}\n");
        SyncLayout layout = SyncLayout.resolve(here.claudeDir(), fs.getPath("c:\\users\\zoë\\proton drive"),
                SyncLayout.DEFAULT_FOLDER, here.stateDir());
        assertEquals("C:\\Users\\Zoë\\Proton Drive", layout.syncRoot().toString());
        Observation o = new Observer(platform).observe("projects", layout, Optional.empty());
        assertEquals(Kind.DIR, assertInstanceOf(Entry.Data.class, o.local()).kind());
        Action.Move move = assertInstanceOf(Action.Move.class, Planner.decide(o));
        assertEquals("C:\\Users\\Zoë\\Proton Drive\\.claude-session-backup\\projects", move.target().toString());
    }

    @Test
    void aLinkAlreadyMadeIsOkEvenWhenItsTargetIsSpelledInAnotherCase() throws IOException {
        Platform platform = JimfsPlatform.windows(SymlinkRights.NONE);
        Path synced = Files.createDirectories(fs.getPath("C:\\Users\\Zoë\\Proton Drive\\.claude-session-backup\\projects"));
        Files.writeString(synced.resolve("s.jsonl"), "{}\n");
        Files.createDirectories(here.claudeDir());
        platform.createLink(here.claudeDir().resolve("projects"),
                fs.getPath("c:\\USERS\\zoë\\proton drive\\.claude-session-backup\\projects"));
        SyncLayout layout = SyncLayout.resolve(here.claudeDir(), fs.getPath("C:\\Users\\Zoë\\Proton Drive"),
                SyncLayout.DEFAULT_FOLDER, here.stateDir());
        Action a = Planner.decide(new Observer(platform).observe("projects", layout, Optional.empty()));
        assertInstanceOf(Action.Ok.class, a);
    }

    @Test
    void aNetworkSyncRootWithoutSymlinkRightsIsRefusedForFoldersToo() {
        Path onShare = fs.getPath("\\\\nas\\share\\.claude-session-backup\\projects");
        Outcome.Refuse r = assertInstanceOf(Outcome.Refuse.class,
                JimfsPlatform.windows(SymlinkRights.NONE).linkKindFor(Kind.DIR, onShare));
        assertTrue(r.reason().contains("network path"), r.reason());
        assertEquals(new Outcome.Make(LinkKind.SYMLINK), JimfsPlatform.windows(SymlinkRights.PRIVILEGED).linkKindFor(Kind.DIR, onShare));
    }

    /** Observes and plans the items, with a project tree, a history file and a file-history tree on C:. */
    private List<Action> plan(Platform platform, String syncRoot, String... items) throws IOException {
        Path claude = here.claudeDir();
        Files.createDirectories(claude.resolve("projects\\C--code-app"));
        Files.writeString(claude.resolve("projects\\C--code-app\\a.jsonl"), "{\"a\":1}\n");
        Files.writeString(claude.resolve("projects\\C--code-app\\b.jsonl"), "{\"b\":2}\n");
        Files.writeString(claude.resolve("history.jsonl"), "{\"display\":\"hi\"}\n");
        Files.createDirectories(claude.resolve("file-history"));
        Files.createDirectories(fs.getPath(syncRoot));
        SyncLayout layout = SyncLayout.resolve(claude, fs.getPath(syncRoot), SyncLayout.DEFAULT_FOLDER, here.stateDir());
        Observer observer = new Observer(platform);
        List<Observation> observations = new ArrayList<>();
        for (String item : items) {
            observations.add(observer.observe(item, layout, Optional.empty()));
        }
        return Planner.decide(observations);
    }

    private static Outcome linkFor(Platform platform, Action a) {
        return platform.linkKindFor(a.kind(), a.target());
    }
}
