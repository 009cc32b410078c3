package dev.tether.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.blackbox.Tether;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the fault tests need from root: mounting a small tmpfs, and running tether as an unprivileged
 * user (root ignores permissions, so a permission error shows only for someone else). Tests that need
 * these skip when not run as root; CI runs as root, so there they run.
 */
public final class Privileges {
    /** The unprivileged user the permission tests run tether as. */
    public static final String NOBODY = "nobody";

    private Privileges() {
    }

    public static boolean isRoot() {
        try {
            Path probe = Files.createTempFile("tether-uid", ".probe");
            try {
                return Integer.valueOf(0).equals(Files.getAttribute(probe, "unix:uid"));
            } finally {
                Files.delete(probe);
            }
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    public static void assumeRoot() {
        assumeTrue(isRoot(), "needs root (mount, chown, runuser); CI runs as root");
    }

    /** Skips unless this is root and {@code runuser} is there. */
    public static void assumeRunuser() {
        assumeRoot();
        assumeTrue(List.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser").stream()
                .anyMatch(p -> Files.isExecutable(Path.of(p))), "needs runuser (util-linux)");
    }

    /** Gives {@code root} and everything below it to {@code user}, links included (not followed). */
    public static void chownTree(Path root, String user) throws IOException {
        UserPrincipal owner = root.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                chown(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file);
                return FileVisitResult.CONTINUE;
            }

            private void chown(Path p) throws IOException {
                Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setOwner(owner);
            }
        });
    }

    /**
     * Copies the program under test (the packaged jar, or the native binary) into {@code dir} and points
     * the harness at the copy, so an unprivileged user can run it wherever the build lives (a checkout
     * under {@code /root} is not readable by others). Returns a handle that points the harness back.
     */
    public static AutoCloseable programReadableByAll(Path dir) throws IOException {
        String property = Tether.nativeBinary() ? "tether.binary" : "tether.jar";
        String before = System.getProperty(property);
        Path original = Path.of(Tether.nativeBinary() ? before : System.getProperty("tether.jar", "target/tether.jar"));
        Path copy = Files.createDirectories(dir).resolve(original.getFileName());
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        System.setProperty(property, copy.toAbsolutePath().toString());
        return () -> {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        };
    }

    /**
     * Hands {@code tmp} (which holds the sandbox) and the sync root to {@code nobody}, copies the program
     * where {@code nobody} can run it, and returns the harness for running tether as {@code nobody} with
     * {@code HOME} at the sandbox home ({@code runuser} resets {@code HOME}, so {@code env} sets it again).
     * Close the returned handle to point the harness back at the original program.
     */
    public static AsNobody asNobody(Path tmp, Sandbox s) throws IOException {
        AutoCloseable program = programReadableByAll(tmp.resolve("program"));
        chownTree(tmp, NOBODY);
        chownTree(s.syncRoot, NOBODY);
        return new AsNobody(s, program);
    }

    /** Runs tether as {@code nobody}; closing it points the harness back at the original program. */
    public static final class AsNobody implements AutoCloseable {
        private final Sandbox s;
        private final AutoCloseable program;

        private AsNobody(Sandbox s, AutoCloseable program) {
            this.s = s;
            this.program = program;
        }

        public Tether tether() {
            return new Tether(s.home).via("runuser", "-u", NOBODY, "--", "env", "HOME=" + s.home);
        }

        @Override
        public void close() throws Exception {
            program.close();
        }
    }

    /** Runs a command as root and fails the test when it fails. */
    public static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
