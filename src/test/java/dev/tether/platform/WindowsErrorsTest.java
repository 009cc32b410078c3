package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import org.junit.jupiter.api.Test;

class WindowsErrorsTest {

    @Test
    void anExistingDestinationOfAMoveIsFileAlreadyExistsNamingTheDestination() {
        for (int code : new int[] {WindowsErrors.ERROR_ALREADY_EXISTS, WindowsErrors.ERROR_FILE_EXISTS}) {
            FileAlreadyExistsException e = assertInstanceOf(FileAlreadyExistsException.class,
                    WindowsErrors.toException(code, "MoveFileExW", "C:\\a", "D:\\b"));
            assertEquals("D:\\b", e.getFile());
            assertTrue(e.getReason().contains("nothing was replaced"));
        }
    }

    @Test
    void commonCodesBecomeJavasOwnExceptions() {
        assertInstanceOf(NoSuchFileException.class, WindowsErrors.toException(2, "x", "C:\\a", null));
        assertInstanceOf(NoSuchFileException.class, WindowsErrors.toException(3, "x", "C:\\a", null));
        assertInstanceOf(AccessDeniedException.class, WindowsErrors.toException(5, "x", "C:\\a", null));
        assertInstanceOf(DirectoryNotEmptyException.class, WindowsErrors.toException(145, "x", "C:\\a", null));
        assertInstanceOf(NotLinkException.class, WindowsErrors.toException(4390, "x", "C:\\a", null));
    }

    @Test
    void otherCodesSaySomethingAndKeepTheNumber() {
        FileSystemException e = assertInstanceOf(FileSystemException.class,
                WindowsErrors.toException(WindowsErrors.ERROR_SHARING_VIOLATION, "MoveFileExW", "C:\\a", "C:\\b"));
        assertTrue(e.getReason().contains("another program has it open"), e.getReason());
        assertTrue(e.getReason().contains("Windows error 32"), e.getReason());
        assertTrue(WindowsErrors.toException(17, "MoveFileExW", "C:\\a", "D:\\b").getMessage().contains("same drive"));
        assertTrue(WindowsErrors.toException(1314, "CreateSymbolicLinkW", "C:\\a", null).getMessage().contains("Developer Mode"));
        assertTrue(WindowsErrors.toException(99999, "X", "C:\\a", null).getMessage().contains("Windows error 99999"));
    }
}
