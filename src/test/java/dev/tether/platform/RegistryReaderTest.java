package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.layout.Os;
import org.junit.jupiter.api.Test;

class RegistryReaderTest {

    @Test
    void awayFromWindowsThereIsNoRegistryAndAdvapi32IsNeverLoaded() {
        if (Os.current() != Os.WINDOWS) {
            assertSame(RegistryReader.NONE, Platform.current().registry());
        }
    }

    @Test
    void theEmptyRegistryAnswersNothingForEveryKey() {
        assertTrue(RegistryReader.NONE.subkeys(RegistryReader.Hive.LOCAL_MACHINE, "SOFTWARE").isEmpty());
        assertTrue(RegistryReader.NONE.values(RegistryReader.Hive.CURRENT_USER, "Software\\Google\\DriveFS").isEmpty());
        assertTrue(RegistryReader.NONE.userSid().isEmpty());
    }
}
