package dev.tether;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Says what an I/O failure means for a person, in one line, and which kind of failure it is. */
public final class IoErrors {
    private IoErrors() {
    }

    /** The kinds of I/O failure that have their own fix. */
    public enum Problem {
        DISK_FULL("free some space on the disk named above, then run the command again"),
        PERMISSION("make the named file readable and writable by you, then run the command again"),
        EXISTS("look at what appeared, move it aside, then run the command again"),
        MISSING(null),
        OTHER(null);

        private final String hint;

        Problem(String hint) {
            this.hint = hint;
        }

        /** The fix for this kind of failure, or null when there is no general one. */
        public String hint() {
            return hint;
        }
    }

    /**
     * Which kind of failure {@code e} is, decided by its type. Java reports a full disk only as the text of
     * the OS's ENOSPC error (it exposes no errno), so that one case is recognised here, in one place.
     */
    public static Problem problem(Throwable e) {
        if (e instanceof FileAlreadyExistsException) {
            return Problem.EXISTS;
        }
        if (e instanceof AccessDeniedException) {
            return Problem.PERMISSION;
        }
        if (e instanceof NoSuchFileException) {
            return Problem.MISSING;
        }
        if (e instanceof IOException && isNoSpace(e)) {
            return Problem.DISK_FULL;
        }
        return Problem.OTHER;
    }

    private static boolean isNoSpace(Throwable e) {
        String text = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return text != null && text.contains("No space left");
    }

    public static String describe(Throwable e) {
        if (e instanceof FileAlreadyExistsException f) {
            return f.getFile() + " already exists" + (f.getReason() != null ? " (" + f.getReason() + ")" : "");
        }
        if (e instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile() + (a.getOtherFile() != null ? " -> " + a.getOtherFile() : "");
        }
        if (e instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (problem(e) == Problem.DISK_FULL) {
            return e instanceof FileSystemException f && f.getFile() != null ? "the disk is full (writing " + f.getFile() + ")"
                    : "the disk is full: " + e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
