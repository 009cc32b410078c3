package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Kind;
import dev.tether.layout.Locations;
import dev.tether.layout.Os;
import dev.tether.platform.JimfsPlatform;
import dev.tether.platform.LinkKind;
import dev.tether.platform.LinkKindDecision.Outcome;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Planning on a macOS-shaped Jimfs: case-insensitive, Unicode-normalising names, File Provider roots. */
class MacPlanningTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.osX().toBuilder()
            .setWorkingDirectory("/Users/zoë").build());
    private final Locations here = Locations.resolve(fs, Map.of("HOME", "/Users/zoë"), Os.MACOS, null, null, "/var/root");
    private final Path cloudRoot = fs.getPath("/Users/zoë/Library/CloudStorage/ProtonDrive-zoe@example.com-folder");
    private final Platform platform = JimfsPlatform.mac();

    @Test
    void theStateLivesInApplicationSupport() {
        assertEquals(fs.getPath("/Users/zoë/.claude"), here.claudeDir());
        assertEquals(fs.getPath("/Users/zoë/Library/Application Support/tether"), here.stateDir());
    }

    @Test
    void everyItemIsASymlinkIntoTheFileProviderRootWithOneRename() throws IOException {
        Files.createDirectories(here.claudeDir().resolve("projects/-Users-zoe-code"));
        Files.writeString(here.claudeDir().resolve("history.jsonl"), "{}\n");
        Files.createDirectories(cloudRoot);
        SyncLayout layout = SyncLayout.resolve(here.claudeDir(), cloudRoot, SyncLayout.DEFAULT_FOLDER, here.stateDir());
        for (String item : new String[] {"projects", "history.jsonl"}) {
            Action.Move move = assertInstanceOf(Action.Move.class,
                    Planner.decide(new Observer(platform).observe(item, layout, Optional.empty())));
            assertFalse(move.crossDevice());
            assertEquals(new Outcome.Make(LinkKind.SYMLINK), platform.linkKindFor(move.kind(), move.target()));
        }
    }

    @Test
    void aRootTypedInAnotherCaseAndUnicodeFormIsTheSameFolder() throws IOException {
        Path root = Files.createDirectories(fs.getPath("/Users/zoë/Library/CloudStorage/Dropbox-Zoë Privé"));
        Files.createDirectories(here.claudeDir().resolve("Projects"));
        String typed = Normalizer.normalize("/users/ZOË/library/cloudstorage/dropbox-zoë privé", Normalizer.Form.NFD);
        SyncLayout layout = SyncLayout.resolve(here.claudeDir(), fs.getPath(typed), SyncLayout.DEFAULT_FOLDER, here.stateDir());
        assertEquals(root.toString(), layout.syncRoot().toString());
        Observation o = new Observer(platform).observe("projects", layout, Optional.empty());
        assertEquals(Kind.DIR, assertInstanceOf(Entry.Data.class, o.local()).kind());
    }

    @Test
    void aLinkIntoTheCloudRootIsOk() throws IOException {
        Path synced = Files.createDirectories(cloudRoot.resolve(SyncLayout.DEFAULT_FOLDER).resolve("projects"));
        Files.createDirectories(here.claudeDir());
        platform.createLink(here.claudeDir().resolve("projects"), synced);
        SyncLayout layout = SyncLayout.resolve(here.claudeDir(), cloudRoot, SyncLayout.DEFAULT_FOLDER, here.stateDir());
        assertInstanceOf(Action.Ok.class, Planner.decide(new Observer(platform).observe("projects", layout, Optional.empty())));
    }
}
