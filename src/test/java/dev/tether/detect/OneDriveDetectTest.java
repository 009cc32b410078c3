package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.RegistryReader.Hive;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneDriveDetectTest {

    @Test
    void onWindowsTheVariablesNameTheRoots() {
        FakeMachine m = FakeMachine.windows();
        m.dir("OneDrive");
        m.dir("OneDrive - Contoso Ltd");
        m.env("OneDrive", "C:\\Users\\me\\OneDrive").env("OneDriveConsumer", "C:\\Users\\me\\OneDrive")
                .env("OneDriveCommercial", "C:\\Users\\me\\OneDrive - Contoso Ltd");

        List<SyncRoot> roots = m.detect(Provider.ONEDRIVE);

        assertEquals(List.of("C:\\Users\\me\\OneDrive", "C:\\Users\\me\\OneDrive - Contoso Ltd"),
                roots.stream().map(r -> r.path().toString()).toList());
        assertEquals(FoundBy.ENV, roots.get(0).foundBy());
        assertEquals("%OneDrive%", roots.get(0).source());
        assertEquals("%OneDriveCommercial%", roots.get(1).source());
        assertTrue(roots.stream().allMatch(SyncRoot::onlineOnlyPossible), "Files On-Demand");
    }

    @Test
    void onWindowsTheRegistryNamesEveryAccountsFolder() {
        FakeMachine m = FakeMachine.windows();
        m.registry.value(Hive.CURRENT_USER, OneDriveDetector.ACCOUNTS_KEY + "\\Personal", "UserFolder", "C:\\Users\\me\\OneDrive")
                .value(Hive.CURRENT_USER, OneDriveDetector.ACCOUNTS_KEY + "\\Personal", "UserEmail", "me@outlook.com")
                .value(Hive.CURRENT_USER, OneDriveDetector.ACCOUNTS_KEY + "\\Business1", "UserFolder", "D:\\OneDrive - Zürich AG")
                .value(Hive.CURRENT_USER, OneDriveDetector.ACCOUNTS_KEY + "\\Business1", "UserEmail", "me@zuerich.example");

        List<SyncRoot> roots = m.detect(Provider.ONEDRIVE);

        assertEquals(List.of("C:\\Users\\me\\OneDrive", "D:\\OneDrive - Zürich AG"), roots.stream().map(r -> r.path().toString()).toList());
        assertEquals(List.of("me@outlook.com", "me@zuerich.example"), roots.stream().map(SyncRoot::account).toList());
        assertEquals(FoundBy.REGISTRY, roots.get(0).foundBy());
        assertEquals("HKCU\\Software\\Microsoft\\OneDrive\\Accounts\\Personal", roots.get(0).source());
    }

    @Test
    void onWindowsAPathFoundTwiceIsListedOnceByTheFirstWay() {
        FakeMachine m = FakeMachine.windows();
        m.dir("OneDrive");
        m.env("OneDrive", "C:\\Users\\me\\OneDrive");
        m.registry.value(Hive.CURRENT_USER, OneDriveDetector.ACCOUNTS_KEY + "\\Personal", "UserFolder", "C:\\Users\\me\\OneDrive");

        List<SyncRoot> roots = m.detect(Provider.ONEDRIVE);

        assertEquals(1, roots.size());
        assertEquals(FoundBy.ENV, roots.get(0).foundBy());
    }

    @Test
    void onMacEveryCloudStorageFolderIsAnAccountButSharedLibrariesAreNot() {
        FakeMachine m = FakeMachine.mac();
        m.dir("Library/CloudStorage/OneDrive-Personal");
        m.dir("Library/CloudStorage/OneDrive-Société Générale");
        m.dir("Library/CloudStorage/OneDrive-SharedLibraries-Société Générale");

        List<SyncRoot> roots = m.detect(Provider.ONEDRIVE);

        assertEquals(List.of("Personal", "Société Générale"), roots.stream().map(SyncRoot::account).toList());
        assertTrue(roots.stream().allMatch(SyncRoot::onlineOnlyPossible));
    }

    @Test
    void onLinuxTheCommunityClientsSyncDirIsTheRootWithTildeExpanded() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/onedrive/config", """
                # sync_dir = "~/OneDrive"
                sync_dir = "~/Cloud/OneDrive Persönlich"
                skip_file = "~*|.~*|*.tmp"
                """);

        SyncRoot root = m.detect(Provider.ONEDRIVE).get(0);

        assertEquals("/home/me/Cloud/OneDrive Persönlich", root.path().toString());
        assertEquals(FoundBy.CONFIG_FILE, root.foundBy());
        assertEquals("/home/me/.config/onedrive/config", root.source());
    }

    @Test
    void onLinuxEachConfDirIsAnAccountAndAConfigWithoutSyncDirMeansTheDefault() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/onedrive/config", "monitor_interval = \"300\"\n");
        m.file(".config/onedrive-work/config", "sync_dir = \"/data/Work OneDrive\"\n");

        List<SyncRoot> roots = m.detect(Provider.ONEDRIVE);

        assertEquals(List.of("/home/me/OneDrive", "/data/Work OneDrive"), roots.stream().map(r -> r.path().toString()).toList());
        assertEquals("onedrive-work", roots.get(1).account());
    }

    @Test
    void onLinuxXdgConfigHomeMovesTheConfig() {
        FakeMachine m = FakeMachine.linux().env("XDG_CONFIG_HOME", "/cfg");
        m.file("/cfg/onedrive/config", "sync_dir = '/srv/od'\n");

        assertEquals(List.of("/srv/od"), m.paths(Provider.ONEDRIVE));
    }
}
