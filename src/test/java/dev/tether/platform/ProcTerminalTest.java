package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcTerminalTest {
    @TempDir
    Path dir;

    @Test
    void terminalsAreThePseudoTerminalsConsolesAndSerialLines() {
        for (String tty : new String[] {"/dev/pts/0", "/dev/pts/17", "/dev/tty", "/dev/tty1", "/dev/ttyS0", "/dev/ttyUSB0",
                "/dev/console", "/dev/ptmx"}) {
            assertTrue(ProcTerminal.isTerminalDevice(tty), tty);
        }
        for (String other : new String[] {"pipe:[12345]", "socket:[99]", "/dev/null", "/dev/zero", "/home/me/out.log",
                "anon_inode:[eventfd]", "/dev/pts", "/devx/pts/1"}) {
            assertFalse(ProcTerminal.isTerminalDevice(other), other);
        }
    }

    @Test
    void readsTheLinksOfAProcFdFolderAndAClosedDescriptorIsNoTerminal() throws IOException {
        Path fd = Files.createDirectory(dir.resolve("fd"));
        Files.createSymbolicLink(fd.resolve("1"), Paths.get("/dev/pts/3"));
        Files.createSymbolicLink(fd.resolve("2"), Paths.get("pipe:[4242]"));
        assertEquals(Boolean.TRUE, ProcTerminal.isTerminal(fd, 1));
        assertEquals(Boolean.FALSE, ProcTerminal.isTerminal(fd, 2));
        assertEquals(Boolean.FALSE, ProcTerminal.isTerminal(fd, 7));
    }

    @Test
    void withoutProcTheAnswerIsUnknownSoIsattyIsAsked() {
        assertNull(ProcTerminal.isTerminal(dir.resolve("no-proc/self/fd"), 1));
    }

    @Test
    void agreesWithIsattyOnThisMachinesOwnDescriptors() throws IOException {
        Path proc = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(proc), "no /proc here");
        for (int fd = 0; fd <= 2; fd++) {
            assertEquals(Libc.isatty(fd), ProcTerminal.isTerminal(proc, fd), "fd " + fd);
        }
        assumeTrue(Files.exists(Path.of("/dev/ptmx")), "no /dev/ptmx here");
        try (FileInputStream master = new FileInputStream("/dev/ptmx"); FileInputStream file = new FileInputStream(
                Files.writeString(dir.resolve("plain"), "x").toFile())) {
            int ptmx = descriptorOf(proc, "/dev/ptmx");
            int plain = descriptorOf(proc, dir.resolve("plain").toRealPath().toString());
            assertTrue(Libc.isatty(ptmx));
            assertEquals(Boolean.TRUE, ProcTerminal.isTerminal(proc, ptmx));
            assertFalse(Libc.isatty(plain));
            assertEquals(Boolean.FALSE, ProcTerminal.isTerminal(proc, plain));
        }
    }

    private static int descriptorOf(Path proc, String target) throws IOException {
        try (Stream<Path> fds = Files.list(proc)) {
            return fds.filter(p -> {
                try {
                    return Files.readSymbolicLink(p).toString().equals(target);
                } catch (IOException e) {
                    return false;
                }
            }).mapToInt(p -> Integer.parseInt(p.getFileName().toString())).max().orElseThrow();
        }
    }
}
