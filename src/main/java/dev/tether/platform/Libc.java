package dev.tether.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;

/** The few C library calls Linux and macOS share. Loaded on first use, never on Windows. */
final class Libc {
    private Libc() {
    }

    interface C extends Library {
        int isatty(int fd);

        String strerror(int errno);
    }

    private static final class Holder {
        static final C C = Native.load("c", C.class);
    }

    static boolean isatty(int fd) {
        return Holder.C.isatty(fd) == 1;
    }

    static String describe(int errno) {
        try {
            return Holder.C.strerror(errno);
        } catch (LinkageError | RuntimeException e) {
            return "errno " + errno;
        }
    }
}
