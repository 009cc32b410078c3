package dev.tether.platform;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;

/**
 * Win32 error codes (GetLastError) turned into the exceptions Java's own file API throws, so the rest
 * of tether handles a Windows failure like any other. Pure, so the mapping is tested on any OS.
 */
final class WindowsErrors {
    static final int ERROR_INVALID_FUNCTION = 1;
    static final int ERROR_FILE_NOT_FOUND = 2;
    static final int ERROR_PATH_NOT_FOUND = 3;
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_NOT_SAME_DEVICE = 17;
    static final int ERROR_SHARING_VIOLATION = 32;
    static final int ERROR_NOT_SUPPORTED = 50;
    static final int ERROR_FILE_EXISTS = 80;
    static final int ERROR_INVALID_PARAMETER = 87;
    static final int ERROR_DIR_NOT_EMPTY = 145;
    static final int ERROR_ALREADY_EXISTS = 183;
    static final int ERROR_PRIVILEGE_NOT_HELD = 1314;
    static final int ERROR_NOT_A_REPARSE_POINT = 4390;
    static final int ERROR_REPARSE_TAG_MISMATCH = 4394;

    private WindowsErrors() {
    }

    /**
     * @param call the Win32 function that failed, for the message
     * @param other the second path of a rename, or null
     */
    static IOException toException(int code, String call, String file, String other) {
        return switch (code) {
            case ERROR_FILE_EXISTS, ERROR_ALREADY_EXISTS -> new FileAlreadyExistsException(other != null ? other : file, null,
                    "the destination exists; nothing was replaced");
            case ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND -> new NoSuchFileException(file, other, "not found (" + call + ")");
            case ERROR_ACCESS_DENIED -> new AccessDeniedException(file, other, "access denied (" + call + ")");
            case ERROR_DIR_NOT_EMPTY -> new DirectoryNotEmptyException(file);
            case ERROR_NOT_A_REPARSE_POINT -> new NotLinkException(file, other, "not a reparse point");
            default -> new FileSystemException(file, other, describe(code) + " (" + call + ", Windows error " + code + ")");
        };
    }

    /** A sentence for the codes tether meets; the number alone for the rest. */
    static String describe(int code) {
        return switch (code) {
            case ERROR_INVALID_FUNCTION -> "the file system does not support this (links need NTFS or ReFS)";
            case ERROR_NOT_SAME_DEVICE -> "not on the same drive";
            case ERROR_SHARING_VIOLATION -> "another program has it open (a sync client, an editor, the indexer); close it"
                    + " and try again";
            case ERROR_NOT_SUPPORTED -> "not supported here";
            case ERROR_INVALID_PARAMETER -> "Windows rejected the request as invalid";
            case ERROR_PRIVILEGE_NOT_HELD -> "this account may not make symbolic links (Developer Mode is off and the"
                    + " process is not elevated)";
            case ERROR_REPARSE_TAG_MISMATCH -> "it is a reparse point of another kind";
            default -> "failed";
        };
    }
}
