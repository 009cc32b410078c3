package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.RegistryReader.Hive;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtonDriveDetectTest {

    @Test
    void onLinuxTheUnofficialFoldersInTheHomeOrOneLevelBelow() {
        FakeMachine m = FakeMachine.linux();
        m.dir("ProtonDrive");
        m.dir("Cloud/Proton Drive");
        m.dir(".cache/ProtonDrive");

        assertEquals(List.of("/home/me/ProtonDrive", "/home/me/Cloud/Proton Drive"), m.paths(Provider.PROTON_DRIVE));
    }

    @Test
    void onMacTheFileProviderFolderNamesTheAccount() {
        FakeMachine m = FakeMachine.mac();
        m.dir("Library/CloudStorage/ProtonDrive-me@proton.me-folder");
        m.dir("Library/CloudStorage/ProtonDrive-zoë@pm.me-folder");

        List<SyncRoot> roots = m.detect(Provider.PROTON_DRIVE);

        assertEquals(List.of("me@proton.me", "zoë@pm.me"), roots.stream().map(SyncRoot::account).toList());
        assertTrue(roots.stream().allMatch(SyncRoot::onlineOnlyPossible));
    }

    @Test
    void onWindowsMappingsJsonNamesMyFilesAndTheSyncedHostFolders() {
        FakeMachine m = FakeMachine.windows();
        m.file("AppData\\Local\\Proton\\Proton Drive\\Mappings.json", """
                {"Mappings": [
                  {"Id": 1, "Type": 1, "Status": 1, "Local": {"RootFolderPath": "C:\\\\Users\\\\me\\\\Proton Drive\\\\me\\\\My files"}},
                  {"Id": 2, "Type": 2, "Status": 1, "Local": {"RootFolderPath": "C:\\\\Users\\\\me\\\\Documents\\\\Café"}},
                  {"Id": 3, "Type": 3, "Status": 1, "Local": {"RootFolderPath": "C:\\\\Users\\\\me\\\\Proton Drive\\\\me\\\\Other computers\\\\pc"}},
                  {"Id": 4, "Type": 2, "Status": 2, "Local": {"RootFolderPath": "C:\\\\Old"}}
                ], "LatestId": 4}""");

        List<SyncRoot> roots = m.detect(Provider.PROTON_DRIVE);

        assertEquals(List.of("C:\\Users\\me\\Proton Drive\\me\\My files", "C:\\Users\\me\\Documents\\Café"),
                roots.stream().map(r -> r.path().toString()).toList());
        assertTrue(roots.get(0).onlineOnlyPossible(), "My files is a Cloud Files root");
        assertFalse(roots.get(1).onlineOnlyPossible(), "a host folder syncs classically");
        assertEquals("C:\\Users\\me\\AppData\\Local\\Proton\\Proton Drive\\Mappings.json", roots.get(0).source());
    }

    @Test
    void onWindowsAMalformedMappingsJsonIsSkippedWithANote() {
        FakeMachine m = FakeMachine.windows();
        m.file("AppData\\Local\\Proton\\Proton Drive\\Mappings.json", "[1, 2");

        Detection d = m.detect();

        assertTrue(d.of(Provider.PROTON_DRIVE).isEmpty());
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("proton-drive: skipped") && n.contains("Mappings.json")), d.notes().toString());
    }

    @Test
    void onWindowsTheSyncRootManagerNamesTheAccountFolderAndTetherUsesMyFilesInside() {
        FakeMachine m = FakeMachine.windows();
        m.dir("Proton Drive\\me@proton.me\\My files");
        m.registry.sid("S-1-5-21-1-2-3-1001")
                .value(Hive.LOCAL_MACHINE, CloudFilesRoots.KEY + "\\ProtonDrive!S-1-5-21-1-2-3-1001!abc\\UserSyncRoots",
                        "S-1-5-21-1-2-3-1001", "C:\\Users\\me\\Proton Drive\\me@proton.me");

        SyncRoot root = m.detect(Provider.PROTON_DRIVE).get(0);

        assertEquals("C:\\Users\\me\\Proton Drive\\me@proton.me\\My files", root.path().toString());
        assertEquals(FoundBy.REGISTRY, root.foundBy());
        assertTrue(root.onlineOnlyPossible());
    }

    @Test
    void onWindowsTheDefaultAccountFolderCountsWhenMyFilesExists() {
        FakeMachine m = FakeMachine.windows();
        m.dir("Proton Drive\\me@proton.me\\My files");

        SyncRoot root = m.detect(Provider.PROTON_DRIVE).get(0);

        assertEquals("C:\\Users\\me\\Proton Drive\\me@proton.me\\My files", root.path().toString());
        assertEquals("me@proton.me", root.account());
        assertEquals(FoundBy.DEFAULT_PATH, root.foundBy());
    }
}
