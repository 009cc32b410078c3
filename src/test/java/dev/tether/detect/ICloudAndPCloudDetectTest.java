package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ICloudAndPCloudDetectTest {

    @Test
    void iCloudDriveOnMacIsInMobileDocumentsAndCanBeOnlineOnly() {
        FakeMachine m = FakeMachine.mac();
        m.dir("Library/Mobile Documents/com~apple~CloudDocs");

        SyncRoot root = m.detect(Provider.ICLOUD).get(0);

        assertEquals("/Users/me/Library/Mobile Documents/com~apple~CloudDocs", root.path().toString());
        assertTrue(root.onlineOnlyPossible());
    }

    @Test
    void iCloudDriveOnWindowsIsInTheProfile() {
        FakeMachine m = FakeMachine.windows();
        m.dir("iCloudDrive");

        assertEquals(List.of("C:\\Users\\me\\iCloudDrive"), m.paths(Provider.ICLOUD));
    }

    @Test
    void iCloudHasNoClientOnLinux() {
        FakeMachine m = FakeMachine.linux();
        m.dir("Library/Mobile Documents/com~apple~CloudDocs");

        assertTrue(m.detect(Provider.ICLOUD).isEmpty());
    }

    @Test
    void pCloudDriveIsAVirtualDrivePerOs() {
        FakeMachine linux = FakeMachine.linux();
        linux.dir("pCloudDrive");
        FakeMachine mac = FakeMachine.mac();
        mac.dir("pCloud Drive");
        FakeMachine windows = FakeMachine.windows("P:\\");
        windows.dir("P:\\Crypto Folder");

        assertEquals(List.of("/home/me/pCloudDrive"), linux.paths(Provider.PCLOUD));
        assertEquals(List.of("/Users/me/pCloud Drive"), mac.paths(Provider.PCLOUD));
        assertEquals(List.of("P:\\"), windows.paths(Provider.PCLOUD));
        assertTrue(linux.detect(Provider.PCLOUD).get(0).onlineOnlyPossible());
    }

    @Test
    void pCloudIsNotFoundWhenTheDriveIsNotMounted() {
        assertTrue(FakeMachine.linux().detect(Provider.PCLOUD).isEmpty());
        assertTrue(FakeMachine.windows().detect(Provider.PCLOUD).isEmpty(), "no P: drive");
    }
}
