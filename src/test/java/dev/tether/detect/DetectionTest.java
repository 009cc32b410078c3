package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.layout.Os;
import dev.tether.platform.RegistryReader;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DetectionTest {

    @ParameterizedTest
    @EnumSource(Os.class)
    void anEmptyHomeHasNoRootsAndDetectionDoesNotFail(Os os) {
        Detection d = FakeMachine.of(os).detect();

        assertTrue(d.roots().isEmpty(), d.roots().toString());
        assertFalse(d.notes().isEmpty(), "the notes say where tether looked");
    }

    @Test
    void rootsComeInProviderOrderWithEveryFlag() {
        FakeMachine m = FakeMachine.mac();
        m.dir("Library/CloudStorage/ProtonDrive-me@proton.me-folder");
        m.dir("Sync");
        m.file("Library/Application Support/Syncthing/config.xml",
                "<configuration><folder id=\"s\" label=\"Sync\" path=\"~/Sync\"/></configuration>");
        m.file(".dropbox/info.json", "{\"personal\": {\"path\": \"/Volumes/Gone/Dropbox\"}}");

        List<SyncRoot> roots = m.detect().roots();

        assertEquals(List.of(Provider.PROTON_DRIVE, Provider.DROPBOX, Provider.SYNCTHING), roots.stream().map(SyncRoot::provider).toList());
        SyncRoot proton = roots.get(0);
        assertTrue(proton.exists());
        assertTrue(proton.writable());
        assertTrue(proton.sameFilesystem());
        assertTrue(proton.onlineOnlyPossible());
        SyncRoot dropbox = roots.get(1);
        assertFalse(dropbox.exists());
        assertFalse(dropbox.writable());
        SyncRoot syncthing = roots.get(2);
        assertFalse(syncthing.onlineOnlyPossible(), "an ordinary folder");
    }

    @Test
    void theSameFolderFromTwoProvidersIsListedForEach() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Dropbox");
        m.file(".config/syncthing/config.xml", "<configuration><folder id=\"d\" path=\"~/Dropbox\"/></configuration>");

        assertEquals(2, m.detect().roots().size());
    }

    @Test
    void usableLeavesOutMissingFoldersAndFoldersAroundOrInsideTheClaudeDir() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Sync");
        m.dir(".claude/inside");
        m.file(".config/syncthing/config.xml", """
                <configuration>
                  <folder id="home" path="~"/>
                  <folder id="inside" path="~/.claude/inside"/>
                  <folder id="gone" path="/srv/gone"/>
                  <folder id="ok" path="~/Sync"/>
                </configuration>""");
        Path claude = m.home.resolve(".claude");
        List<SyncRoot> roots = m.detect(Provider.SYNCTHING);

        assertEquals(List.of("/home/me/Sync"), Detection.usable(roots, claude).stream().map(r -> r.path().toString()).toList());
        assertEquals("contains the Claude data dir", roots.get(0).unusableBecause(claude));
        assertEquals("is inside the Claude data dir", roots.get(1).unusableBecause(claude));
        assertEquals("does not exist", roots.get(2).unusableBecause(claude));
        assertNull(roots.get(3).unusableBecause(claude));
    }

    @Test
    void describeSaysWhereTheRootCameFrom() {
        FakeMachine m = FakeMachine.linux();
        m.file(".dropbox/info.json", "{\"business\": {\"path\": \"/srv/Dropbox (Acme)\"}}");

        assertEquals("dropbox  /srv/Dropbox (Acme)  (business; config-file /home/me/.dropbox/info.json)",
                m.detect(Provider.DROPBOX).get(0).describe());
    }

    @Test
    void aRootOnAnotherFilesystemIsSaidToBe(@TempDir Path temp) throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "needs /dev/shm");
        Path root = Files.createTempDirectory(shm, "tether-detect-");
        try {
            Path home = temp.resolve("home");
            Files.createDirectories(home.resolve(".claude"));
            Files.createDirectories(home.resolve("Dropbox"));
            Files.createDirectories(home.resolve(".dropbox"));
            Files.writeString(home.resolve(".dropbox/info.json"), "{\"personal\":{\"path\":\"" + root + "\"}}");
            DetectContext ctx = new DetectContext(FileSystems.getDefault(), Map.of(), Os.LINUX, RegistryReader.NONE, home,
                    home.resolve(".claude"));

            List<SyncRoot> roots = Detection.scan(ctx).of(Provider.DROPBOX);

            boolean shmIsOwnFs = !Files.getFileStore(shm).equals(Files.getFileStore(temp));
            assertEquals(!shmIsOwnFs, roots.get(0).sameFilesystem(), "info.json's root on /dev/shm");
            assertTrue(roots.get(1).sameFilesystem(), "~/Dropbox");
        } finally {
            Files.deleteIfExists(root);
        }
    }

    @Test
    void aRootThatDoesNotExistYetIsComparedByItsNearestExistingParent() {
        FakeMachine m = FakeMachine.linux();
        m.file(".dropbox/info.json", "{\"personal\": {\"path\": \"/home/me/not yet\"}}");

        assertTrue(m.detect(Provider.DROPBOX).get(0).sameFilesystem());
    }
}
