package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.RegistryReader.Hive;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudFilesRootsTest {
    private static final String ME = "S-1-5-21-111-222-333-1001";
    private static final String OTHER = "S-1-5-21-111-222-333-1002";

    private static FakeMachine machine() {
        FakeMachine m = FakeMachine.windows();
        m.registry.sid(ME)
                .value(Hive.LOCAL_MACHINE, CloudFilesRoots.KEY + "\\OneDrive!" + ME + "!Personal|ABC\\UserSyncRoots", ME,
                        "C:\\Users\\me\\OneDrive")
                .value(Hive.LOCAL_MACHINE, CloudFilesRoots.KEY + "\\OneDrive!" + OTHER + "!Personal|DEF\\UserSyncRoots", OTHER,
                        "C:\\Users\\other\\OneDrive")
                .value(Hive.LOCAL_MACHINE, CloudFilesRoots.KEY + "\\Dropbox!" + ME + "!1234\\UserSyncRoots", ME,
                        "%USERPROFILE%\\Dropbox (Ärzte)")
                .value(Hive.LOCAL_MACHINE, CloudFilesRoots.KEY + "\\SomeOtherApp!" + ME + "!x\\UserSyncRoots", ME, "C:\\Other");
        m.env("USERPROFILE", "C:\\Users\\me");
        return m;
    }

    @Test
    void onlyThisUsersRootsAreReadAndVariablesAreExpanded() {
        List<CloudFilesRoots.Entry> entries = CloudFilesRoots.read(machine().ctx());

        assertEquals(List.of("C:\\Users\\me\\OneDrive", "C:\\Users\\me\\Dropbox (Ärzte)", "C:\\Other"),
                entries.stream().map(e -> e.path().toString()).toList());
        assertEquals("OneDrive", entries.get(0).providerName());
        assertEquals("HKLM\\" + CloudFilesRoots.KEY + "\\OneDrive!" + ME + "!Personal|ABC", entries.get(0).source());
    }

    @Test
    void eachProviderPicksItsRootsByTheFirstPartOfTheId() {
        FakeMachine m = machine();

        assertEquals(List.of("C:\\Users\\me\\OneDrive"), m.paths(Provider.ONEDRIVE));
        assertEquals(List.of("C:\\Users\\me\\Dropbox (Ärzte)"), m.paths(Provider.DROPBOX));
        assertEquals(FoundBy.REGISTRY, m.detect(Provider.DROPBOX).get(0).foundBy());
    }

    @Test
    void aFolderInsideACloudFilesRootCanBeOnlineOnly() {
        FakeMachine m = machine();
        m.file("AppData\\Local\\Syncthing\\config.xml",
                "<configuration><folder id=\"a\" path=\"C:\\Users\\me\\OneDrive\\Sync\"/><folder id=\"b\" path=\"C:\\Sync\"/></configuration>");

        List<SyncRoot> roots = m.detect(Provider.SYNCTHING);

        assertTrue(roots.get(0).onlineOnlyPossible());
        assertFalse(roots.get(1).onlineOnlyPossible());
    }

    @Test
    void withoutAKnownSidEveryUsersRootIsRead() {
        FakeMachine m = machine();
        m.registry.sid(null);

        assertEquals(4, CloudFilesRoots.read(m.ctx()).size());
    }

    @Test
    void noRegistryNoRoots() {
        assertTrue(CloudFilesRoots.read(FakeMachine.windows().ctx()).isEmpty());
        assertTrue(FakeMachine.linux().ctx().cloudFilesRoots().isEmpty());
    }
}
