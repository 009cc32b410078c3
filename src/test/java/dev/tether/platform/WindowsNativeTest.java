package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinioctlUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The Windows constants, checked against jna-platform; and what a call does where kernel32 is missing. */
class WindowsNativeTest {

    @Test
    void constantsAgreeWithJnaPlatformAndTheFullControlCodes() {
        assertEquals(WinNT.IO_REPARSE_TAG_MOUNT_POINT, ReparseData.TAG_MOUNT_POINT);
        assertEquals(WinNT.IO_REPARSE_TAG_SYMLINK, ReparseData.TAG_SYMLINK);
        assertEquals(WinioctlUtil.FSCTL_SET_REPARSE_POINT, WindowsNative.FSCTL_SET_REPARSE_POINT);
        assertEquals(WinioctlUtil.FSCTL_GET_REPARSE_POINT, WindowsNative.FSCTL_GET_REPARSE_POINT);
        assertEquals(WinioctlUtil.FSCTL_DELETE_REPARSE_POINT, WindowsNative.FSCTL_DELETE_REPARSE_POINT);
        assertEquals(0x000900A4, WindowsNative.FSCTL_SET_REPARSE_POINT);
        assertEquals(0x000900A8, WindowsNative.FSCTL_GET_REPARSE_POINT);
        assertEquals(0x000900AC, WindowsNative.FSCTL_DELETE_REPARSE_POINT);
        assertEquals(WinNT.FILE_FLAG_OPEN_REPARSE_POINT, WindowsNative.FILE_FLAG_OPEN_REPARSE_POINT);
        assertEquals(WinNT.FILE_FLAG_BACKUP_SEMANTICS, WindowsNative.FILE_FLAG_BACKUP_SEMANTICS);
        assertEquals(WinNT.GENERIC_READ | WinNT.GENERIC_WRITE, WindowsNative.GENERIC_READ | WindowsNative.GENERIC_WRITE);
        assertEquals(WinNT.OPEN_EXISTING, WindowsNative.OPEN_EXISTING);
        assertEquals(WinNT.FILE_ATTRIBUTE_OFFLINE, Placeholders.FILE_ATTRIBUTE_OFFLINE);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "it checks how a Windows call fails where kernel32 is missing")
    void aWindowsCallElsewhereFailsWithASentenceNotAnUnsatisfiedLinkError() {
        MissingNativeCallException e = assertThrows(MissingNativeCallException.class,
                () -> WindowsNative.attributes("C:\\x"));
        assertTrue(e.getMessage().contains("does not provide GetFileAttributesW"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel32"), e.getMessage());
        // and again: a failed load is remembered, not turned into NoClassDefFoundError
        assertThrows(MissingNativeCallException.class, () -> WindowsNative.moveNoReplace("C:\\a", "C:\\b"));
        assertThrows(MissingNativeCallException.class, () -> WindowsNative.createSymbolicLink("C:\\a", "C:\\b", 0));
    }
}
