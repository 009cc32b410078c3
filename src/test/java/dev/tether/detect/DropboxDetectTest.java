package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropboxDetectTest {

    @Test
    void infoJsonGivesThePersonalAndTheBusinessRootWithTheirAccounts() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Dropbox (Persönlich)");
        m.dir("Dropbox (Acme Café)");
        m.file(".dropbox/info.json", """
                {"personal": {"path": "/home/me/Dropbox (Persönlich)", "host": 1, "is_team": false},
                 "business": {"path": "/home/me/Dropbox (Acme Café)", "host": 2, "is_team": true}}""");

        List<SyncRoot> roots = m.detect(Provider.DROPBOX);

        assertEquals(2, roots.size());
        assertEquals("/home/me/Dropbox (Persönlich)", roots.get(0).path().toString());
        assertEquals("personal", roots.get(0).account());
        assertEquals("/home/me/Dropbox (Acme Café)", roots.get(1).path().toString());
        assertEquals("business", roots.get(1).account());
        assertEquals(FoundBy.CONFIG_FILE, roots.get(0).foundBy());
        assertEquals("/home/me/.dropbox/info.json", roots.get(0).source());
        assertTrue(roots.get(0).exists());
    }

    @Test
    void aRootNamedByInfoJsonThatIsGoneIsReportedAsNotExisting() {
        FakeMachine m = FakeMachine.linux();
        m.file(".dropbox/info.json", "{\"personal\": {\"path\": \"/media/usb/Dropbox\"}}");

        SyncRoot root = m.detect(Provider.DROPBOX).get(0);

        assertEquals("/media/usb/Dropbox", root.path().toString());
        assertFalse(root.exists());
        assertFalse(root.writable());
    }

    @Test
    void theLegacyHostDbHoldsTheRootBase64EncodedOnItsSecondLine() {
        FakeMachine m = FakeMachine.linux();
        m.dir("/data/Mein Dropbox");
        String encoded = Base64.getEncoder().encodeToString("/data/Mein Dropbox".getBytes(StandardCharsets.UTF_8));
        m.file(".dropbox/host.db", "8d8b5a1cd4f5ee0fa97b0f27a5c1be03\n" + encoded + "\n");

        assertEquals(List.of("/data/Mein Dropbox"), m.paths(Provider.DROPBOX));
    }

    @Test
    void aMalformedInfoJsonIsSkippedWithANoteAndTheHostDbStillCounts() {
        FakeMachine m = FakeMachine.linux();
        m.dir("/data/Box");
        m.file(".dropbox/info.json", "{\"personal\": {\"path\": ");
        m.file(".dropbox/host.db", "x\n" + Base64.getEncoder().encodeToString("/data/Box".getBytes(StandardCharsets.UTF_8)));

        Detection d = m.detect();

        assertEquals(List.of("/data/Box"), m.paths(Provider.DROPBOX));
        assertTrue(d.notes().stream().anyMatch(n -> n.startsWith("dropbox: skipped /home/me/.dropbox/info.json: not valid JSON")),
                d.notes().toString());
    }

    @Test
    void aHostDbWithoutASecondLineOrWithoutBase64IsSkippedWithANote() {
        FakeMachine one = FakeMachine.linux();
        one.file(".dropbox/host.db", "only-one-line\n");
        FakeMachine bad = FakeMachine.linux();
        bad.file(".dropbox/host.db", "x\n***not base64***\n");

        assertTrue(one.detect(Provider.DROPBOX).isEmpty());
        assertTrue(one.detect().notes().stream().anyMatch(n -> n.contains("has no second line")));
        assertTrue(bad.detect(Provider.DROPBOX).isEmpty());
        assertTrue(bad.detect().notes().stream().anyMatch(n -> n.contains("not base64")));
    }

    @Test
    void theDefaultFolderCountsWhenItExists() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Dropbox");

        SyncRoot root = m.detect(Provider.DROPBOX).get(0);

        assertEquals("/home/me/Dropbox", root.path().toString());
        assertEquals(FoundBy.DEFAULT_PATH, root.foundBy());
    }

    @Test
    void noDropboxNoRoot() {
        assertTrue(FakeMachine.linux().detect(Provider.DROPBOX).isEmpty());
    }

    @Test
    void onMacTheSameInfoJsonAndTheFileProviderFolderWhereFilesCanBeOnlineOnly() {
        FakeMachine m = FakeMachine.mac();
        m.file(".dropbox/info.json", "{\"personal\": {\"path\": \"/Users/me/Library/CloudStorage/Dropbox\"}}");
        m.dir("Library/CloudStorage/Dropbox");
        m.dir("Library/CloudStorage/Dropbox-Acme");

        List<SyncRoot> roots = m.detect(Provider.DROPBOX);

        assertEquals(List.of("/Users/me/Library/CloudStorage/Dropbox", "/Users/me/Library/CloudStorage/Dropbox-Acme"),
                roots.stream().map(r -> r.path().toString()).toList());
        assertEquals(FoundBy.CONFIG_FILE, roots.get(0).foundBy());
        assertTrue(roots.stream().allMatch(SyncRoot::onlineOnlyPossible));
    }

    @Test
    void onWindowsInfoJsonIsInAppDataThenInLocalAppData() {
        FakeMachine m = FakeMachine.windows();
        m.env("APPDATA", "C:\\Users\\me\\AppData\\Roaming").env("LOCALAPPDATA", "C:\\Users\\me\\AppData\\Local");
        m.file("AppData\\Roaming\\Dropbox\\info.json", "{\"personal\": {\"path\": \"C:\\\\Users\\\\me\\\\Dropbox\"}}");
        m.file("AppData\\Local\\Dropbox\\info.json", "{\"business\": {\"path\": \"D:\\\\Dropbox (Ünïcorn Ltd)\"}}");

        List<SyncRoot> roots = m.detect(Provider.DROPBOX);

        assertEquals(List.of("C:\\Users\\me\\Dropbox", "D:\\Dropbox (Ünïcorn Ltd)"),
                roots.stream().map(r -> r.path().toString()).toList());
        assertEquals("C:\\Users\\me\\AppData\\Roaming\\Dropbox\\info.json", roots.get(0).source());
        assertEquals("business", roots.get(1).account());
    }
}
