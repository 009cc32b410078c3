package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyncthingDetectTest {
    private static final String CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="37">
                <folder id="default" label="Default Folder" path="~/Sync" type="sendreceive">
                    <device id="AAAAAAA-BBBBBBB"></device>
                </folder>
                <folder id="x7k2p-notes" label="" path="/home/me/Notizen für Ärzte" type="sendonly"></folder>
                <folder id="photos" label="Photos" path="/home/me/Pictures/Phone" type="receiveonly"></folder>
                <device id="AAAAAAA-BBBBBBB" name="laptop"></device>
                <defaults>
                    <folder id="" label="" path="~" type="sendreceive"></folder>
                </defaults>
            </configuration>
            """;

    @Test
    void everyFolderIsARootWithItsLabelAndTildeIsTheHome() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Sync");
        m.file(".local/state/syncthing/config.xml", CONFIG);

        List<SyncRoot> roots = m.detect(Provider.SYNCTHING);

        assertEquals(List.of("/home/me/Sync", "/home/me/Notizen für Ärzte"), roots.stream().map(r -> r.path().toString()).toList());
        assertEquals("Default Folder", roots.get(0).account());
        assertEquals("x7k2p-notes", roots.get(1).account(), "no label: the folder id");
        assertEquals("/home/me/.local/state/syncthing/config.xml", roots.get(0).source());
        assertTrue(roots.get(0).exists());
    }

    @Test
    void theTemplateUnderDefaultsAndReceiveOnlyFoldersAreNotRoots() {
        FakeMachine m = FakeMachine.linux();
        m.file(".local/state/syncthing/config.xml", CONFIG);

        Detection d = m.detect();

        assertTrue(d.of(Provider.SYNCTHING).stream().noneMatch(r -> r.path().toString().equals("/home/me")));
        assertTrue(d.of(Provider.SYNCTHING).stream().noneMatch(r -> r.path().toString().contains("Phone")));
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("'photos'") && n.contains("receiveonly")), d.notes().toString());
    }

    @Test
    void theOlderConfigLocationWinsWhenItHoldsAConfig() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/syncthing/config.xml", folder("old", "/srv/old"));
        m.file(".local/state/syncthing/config.xml", folder("new", "/srv/new"));

        assertEquals(List.of("/srv/old"), m.paths(Provider.SYNCTHING));
    }

    @Test
    void xdgConfigHomeAndXdgStateHomeMoveTheConfig() {
        FakeMachine config = FakeMachine.linux().env("XDG_CONFIG_HOME", "/cfg");
        config.file("/cfg/syncthing/config.xml", folder("a", "/srv/a"));
        FakeMachine state = FakeMachine.linux().env("XDG_STATE_HOME", "/st");
        state.file("/st/syncthing/config.xml", folder("b", "/srv/b"));

        assertEquals(List.of("/srv/a"), config.paths(Provider.SYNCTHING));
        assertEquals(List.of("/srv/b"), state.paths(Provider.SYNCTHING));
    }

    @Test
    void stHomeDirAndStConfDirOverrideEveryOtherLocation() {
        FakeMachine home = FakeMachine.linux().env("STHOMEDIR", "/opt/st home");
        home.file("/opt/st home/config.xml", folder("h", "/srv/h"));
        home.file(".config/syncthing/config.xml", folder("ignored", "/srv/ignored"));
        FakeMachine conf = FakeMachine.linux().env("STCONFDIR", "/opt/conf").env("STHOMEDIR", "/opt/st home");
        conf.file("/opt/conf/config.xml", folder("c", "/srv/c"));
        conf.file("/opt/st home/config.xml", folder("h", "/srv/h"));

        assertEquals(List.of("/srv/h"), home.paths(Provider.SYNCTHING));
        assertEquals(List.of("/srv/c"), conf.paths(Provider.SYNCTHING));
    }

    @Test
    void onMacTheConfigIsInApplicationSupport() {
        FakeMachine m = FakeMachine.mac();
        m.file("Library/Application Support/Syncthing/config.xml", folder("m", "~/Sync"));

        assertEquals(List.of("/Users/me/Sync"), m.paths(Provider.SYNCTHING));
    }

    @Test
    void onWindowsTheConfigIsInLocalAppDataThenAppData() {
        FakeMachine local = FakeMachine.windows();
        local.file("AppData\\Local\\Syncthing\\config.xml", folder("w", "C:\\Users\\me\\Sync"));
        FakeMachine roaming = FakeMachine.windows().env("APPDATA", "D:\\Roaming");
        roaming.file("D:\\Roaming\\Syncthing\\config.xml", folder("r", "~\\Sync"));

        assertEquals(List.of("C:\\Users\\me\\Sync"), local.paths(Provider.SYNCTHING));
        assertEquals(List.of("C:\\Users\\me\\Sync"), roaming.paths(Provider.SYNCTHING));
    }

    @Test
    void aMalformedConfigIsSkippedWithANote() {
        FakeMachine m = FakeMachine.linux();
        m.file(".config/syncthing/config.xml", "<configuration><folder path=\"/srv/x\"");

        Detection d = m.detect();

        assertTrue(d.of(Provider.SYNCTHING).isEmpty());
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("syncthing: skipped /home/me/.config/syncthing/config.xml: not valid XML")),
                d.notes().toString());
    }

    @Test
    void aConfigWithADoctypeIsRefusedSoNoExternalEntityIsEverRead() {
        FakeMachine m = FakeMachine.linux();
        m.file("/etc/secret", "s3cret");
        m.file(".config/syncthing/config.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE configuration [<!ENTITY x SYSTEM "file:///etc/secret">]>
                <configuration><folder id="a" path="/srv/&x;"></folder></configuration>
                """);

        Detection d = m.detect();

        assertTrue(d.of(Provider.SYNCTHING).isEmpty());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("DOCTYPE")), d.notes().toString());
    }

    @Test
    void noConfigNoRootAndTheNotesSayWhereTetherLooked() {
        Detection d = FakeMachine.linux().detect();

        assertTrue(d.of(Provider.SYNCTHING).isEmpty());
        assertTrue(d.notes().contains("syncthing: no /home/me/.config/syncthing/config.xml"), d.notes().toString());
        assertTrue(d.notes().contains("syncthing: no /home/me/.local/state/syncthing/config.xml"), d.notes().toString());
    }

    private static String folder(String id, String path) {
        return "<configuration version=\"37\"><folder id=\"" + id + "\" label=\"\" path=\"" + path
                + "\" type=\"sendreceive\"></folder></configuration>";
    }
}
