package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.RegistryReader.Hive;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoogleDriveDetectTest {

    @Test
    void onMacEachAccountsMyDriveIsARoot() {
        FakeMachine m = FakeMachine.mac();
        m.dir("Library/CloudStorage/GoogleDrive-me@gmail.com/My Drive");
        m.dir("Library/CloudStorage/GoogleDrive-jörg@firma.example/My Drive");

        List<SyncRoot> roots = m.detect(Provider.GOOGLE_DRIVE);

        assertEquals(List.of("/Users/me/Library/CloudStorage/GoogleDrive-jörg@firma.example/My Drive",
                "/Users/me/Library/CloudStorage/GoogleDrive-me@gmail.com/My Drive"), roots.stream().map(r -> r.path().toString()).toList());
        assertEquals("jörg@firma.example", roots.get(0).account());
        assertTrue(roots.stream().allMatch(SyncRoot::onlineOnlyPossible));
    }

    @Test
    void onWindowsDriveFsPerAccountPreferencesNameEachMountPoint() {
        FakeMachine m = FakeMachine.windows("G:\\");
        m.dir("G:\\My Drive");
        m.registry.value(Hive.CURRENT_USER, GoogleDriveDetector.DRIVEFS_KEY, "PerAccountPreferences",
                "{\"per_account_preferences\":[{\"key\":\"1049\",\"value\":{\"mount_point_path\":\"G\"}},"
                        + "{\"key\":\"2051\",\"value\":{\"mount_point_path\":\"D:\\\\Google Drive Zwei\"}}]}");

        List<SyncRoot> roots = m.detect(Provider.GOOGLE_DRIVE);

        assertEquals(List.of("G:\\My Drive", "D:\\Google Drive Zwei\\My Drive"), roots.stream().map(r -> r.path().toString()).toList());
        assertEquals(FoundBy.REGISTRY, roots.get(0).foundBy());
        assertTrue(roots.get(0).exists());
        assertFalse(roots.get(1).exists());
    }

    @Test
    void onWindowsADriveLetterWithMyDriveIsFoundWithoutTheRegistry() {
        FakeMachine m = FakeMachine.windows("G:\\");
        m.dir("G:\\My Drive");

        SyncRoot root = m.detect(Provider.GOOGLE_DRIVE).get(0);

        assertEquals("G:\\My Drive", root.path().toString());
        assertEquals(FoundBy.DEFAULT_PATH, root.foundBy());
        assertTrue(root.onlineOnlyPossible(), "a streamed drive");
    }

    @Test
    void onWindowsAMalformedDriveFsValueIsSkippedWithANote() {
        FakeMachine m = FakeMachine.windows();
        m.registry.value(Hive.CURRENT_USER, GoogleDriveDetector.DRIVEFS_KEY, "PerAccountPreferences", "{not json");

        Detection d = m.detect();

        assertTrue(d.of(Provider.GOOGLE_DRIVE).isEmpty());
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("google-drive: skipped HKCU\\Software\\Google\\DriveFS")), d.notes().toString());
    }

    @Test
    void onWindowsTheAdminsDefaultMountPointCountsWhenItExists() {
        FakeMachine m = FakeMachine.windows("P:\\");
        m.dir("P:\\My Drive");
        m.registry.value(Hive.LOCAL_MACHINE, GoogleDriveDetector.DRIVEFS_KEY, "DefaultMountPoint", "P:");

        SyncRoot root = m.detect(Provider.GOOGLE_DRIVE).get(0);

        assertEquals("P:\\My Drive", root.path().toString());
        assertEquals("HKLM\\Software\\Google\\DriveFS\\DefaultMountPoint", root.source());
    }

    @Test
    void onWindowsTheMirrorFolderInTheProfileCounts() {
        FakeMachine m = FakeMachine.windows();
        m.dir("My Drive");

        assertEquals(List.of("C:\\Users\\me\\My Drive"), m.paths(Provider.GOOGLE_DRIVE));
    }

    @Test
    void onLinuxThereIsNoClient() {
        FakeMachine m = FakeMachine.linux();
        m.dir("My Drive");

        assertTrue(m.detect(Provider.GOOGLE_DRIVE).isEmpty());
    }
}
