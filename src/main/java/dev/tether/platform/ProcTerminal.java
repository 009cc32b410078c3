package dev.tether.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whether a file descriptor is a terminal, from what {@code /proc/self/fd/N} links to, without JNA. Every
 * command asks (colour on standard output, the progress line on standard error), and the first JNA call of a
 * process unpacks JNA's native library into a temporary file and runs {@code ldconfig -p}: 20 to 40 ms, more
 * than a backup with nothing new spends on the rest of its start. Where {@code /proc} cannot tell (not
 * mounted), the answer is unknown and the caller asks {@code isatty}.
 */
final class ProcTerminal {
    private ProcTerminal() {
    }

    /** True or false when {@code /proc} tells; null when it cannot (then ask {@code isatty}). */
    static Boolean isTerminal(Path procSelfFd, int fd) {
        try {
            return isTerminalDevice(Files.readSymbolicLink(procSelfFd.resolve(Integer.toString(fd))).toString());
        } catch (NoSuchFileException e) {
            // a closed descriptor, or no /proc at all: only the first is an answer
            return Files.isDirectory(procSelfFd) ? Boolean.FALSE : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /**
     * The devices {@code isatty} says yes to on Linux: pseudo-terminals ({@code /dev/pts/N}), virtual consoles
     * and serial lines ({@code /dev/ttyN}, {@code /dev/ttyS0}, {@code /dev/ttyUSB0}), the pseudo-terminal
     * multiplexer ({@code /dev/ptmx}, a master), the controlling terminal
     * ({@code /dev/tty}) and the console. Pipes ({@code pipe:[N]}), sockets, files and {@code /dev/null} are not.
     */
    static boolean isTerminalDevice(String target) {
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/ptmx")
                || target.equals("/dev/console");
    }
}
