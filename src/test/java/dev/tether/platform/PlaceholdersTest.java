package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void aWindowsFileFetchedOnReadIsAPlaceholder() {
        assertTrue(Placeholders.windows(0x00400000 | 0x20 /* ARCHIVE */ | 0x400 /* REPARSE_POINT */));
    }

    @Test
    void anOfflineWindowsFileIsAPlaceholder() {
        assertTrue(Placeholders.windows(0x1000 | 0x20));
    }

    @Test
    void aPinnedOrPlainWindowsFileIsNot() {
        assertFalse(Placeholders.windows(0x20));
        assertFalse(Placeholders.windows(0x10 | 0x400)); // a junction: a reparse point, but the data is local
        assertFalse(Placeholders.windows(0x00080000 | 0x20)); // FILE_ATTRIBUTE_PINNED
    }

    @Test
    void theFailureValueOfGetFileAttributesIsNotReadAsFlags() {
        assertFalse(Placeholders.windows(Placeholders.INVALID_FILE_ATTRIBUTES));
    }
}
