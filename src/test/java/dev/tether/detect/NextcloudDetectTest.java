package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NextcloudDetectTest {
    private static final String CFG = """
            [General]
            clientVersion=3.13.0

            [Accounts]
            0\\Folders\\1\\ignoreHiddenFiles=false
            0\\Folders\\1\\localPath=/home/me/Nextcloud/
            0\\Folders\\1\\paused=false
            0\\Folders\\2\\localPath=/home/me/Gemeinsame Dateien \\x00e4\\x00f6/
            0\\dav_user=me
            0\\url=https://cloud.example.org
            1\\Folders\\1\\localPath="/home/me/Work Cloud/ "
            1\\dav_user=me.work
            1\\url=https://files.acme.test/
            version=2
            """;

    @Test
    void everyLocalPathOfEveryAccountIsARoot() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/Nextcloud/nextcloud.cfg", CFG);

        List<SyncRoot> roots = m.detect(Provider.NEXTCLOUD);

        assertEquals(List.of("/home/me/Nextcloud", "/home/me/Gemeinsame Dateien äö", "/home/me/Work Cloud"),
                roots.stream().map(r -> r.path().toString()).toList());
        assertEquals("me@cloud.example.org", roots.get(0).account());
        assertEquals("me.work@files.acme.test", roots.get(2).account());
        assertEquals(FoundBy.CONFIG_FILE, roots.get(0).foundBy());
        assertEquals("/home/me/.config/Nextcloud/nextcloud.cfg", roots.get(0).source());
    }

    @Test
    void ownCloudsFileIsReadTheSameWay() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/ownCloud/owncloud.cfg", "[Accounts]\n0\\Folders\\1\\localPath=/home/me/ownCloud/\n0\\dav_user=anna\n");

        SyncRoot root = m.detect(Provider.NEXTCLOUD).get(0);

        assertEquals("/home/me/ownCloud", root.path().toString());
        assertEquals("anna", root.account());
    }

    @Test
    void keysOutsideTheAccountsSectionAreIgnored() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/Nextcloud/nextcloud.cfg", "[Other]\n0\\Folders\\1\\localPath=/elsewhere\n");

        assertTrue(m.detect(Provider.NEXTCLOUD).isEmpty());
    }

    @Test
    void aFileThatIsNotUtf8IsSkippedWithANote() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/Nextcloud/nextcloud.cfg", new byte[] {'[', 'A', ']', '\n', (byte) 0xff, (byte) 0xfe, 'x'});

        Detection d = m.detect();

        assertTrue(d.of(Provider.NEXTCLOUD).isEmpty());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("nextcloud.cfg: not UTF-8 text")), d.notes().toString());
    }

    @Test
    void onMacTheFileIsInPreferences() {
        FakeMachine m = FakeMachine.mac();
        m.file("Library/Preferences/Nextcloud/nextcloud.cfg", "[Accounts]\n0\\Folders\\1\\localPath=/Users/me/Nextcloud/\n");

        assertEquals(List.of("/Users/me/Nextcloud"), m.paths(Provider.NEXTCLOUD));
    }

    @Test
    void onWindowsTheFileIsInAppDataAndVirtualFilesFoldersCanBeOnlineOnly() {
        FakeMachine m = FakeMachine.windows();
        m.file("AppData\\Roaming\\Nextcloud\\nextcloud.cfg", """
                [Accounts]
                0\\Folders\\1\\localPath=C:/Users/me/Nextcloud/
                0\\FoldersWithPlaceholders\\2\\localPath=D:/Cloud Files/
                """);

        List<SyncRoot> roots = m.detect(Provider.NEXTCLOUD);

        assertEquals(List.of("C:\\Users\\me\\Nextcloud", "D:\\Cloud Files"), roots.stream().map(r -> r.path().toString()).toList());
        assertFalse(roots.get(0).onlineOnlyPossible());
        assertTrue(roots.get(1).onlineOnlyPossible());
    }

    @Test
    void theDefaultFolderCountsWhenItExists() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Nextcloud");

        assertEquals(FoundBy.DEFAULT_PATH, m.detect(Provider.NEXTCLOUD).get(0).foundBy());
    }
}
