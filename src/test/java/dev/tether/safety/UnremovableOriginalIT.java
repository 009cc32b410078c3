package dev.tether.safety;

import static dev.tether.testing.Safety.assertEveryItemRecoverable;
import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameContent;
import static dev.tether.testing.Safety.assertSyncedFolderHoldsNoItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.Privileges;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A permission error on the way out: a read-only directory deep in {@code projects/} can be read and
 * copied, but its entries cannot be removed by its (unprivileged) owner, so across filesystems the
 * removal of the set-aside original fails halfway, after the link is in place. Whatever tether does
 * then (roll back, or stop and leave the run to the journal) it must not lose a file, and every item
 * must stay whole where Claude Code reads it.
 */
class UnremovableOriginalIT {
    @TempDir
    Path tmp;

    private Sandbox s;
    private Path readOnly;
    private TreeSnapshot original;
    private Privileges.AsNobody nobody;

    @BeforeEach
    void readOnlyDirectoryDeepInProjectsOwnedByNobody() throws Exception {
        Privileges.assumeRunuser();
        s = Sandbox.create(tmp.resolve("sandbox"), Device.CROSS).generate(777);
        Path project;
        try (Stream<Path> list = Files.list(s.claude.resolve("projects"))) {
            project = list.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        readOnly = Files.createDirectories(project.resolve("5d3c2b1a-0000-4000-8000-000000000002").resolve("tool-results"));
        for (int n = 1; n <= 3; n++) {
            Files.writeString(readOnly.resolve("result-" + n + ".txt"), "tool output " + n + "\n");
        }
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        original = s.items();
        nobody = Privileges.asNobody(tmp, s);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (nobody != null) {
            nobody.close();
        }
        if (s != null) {
            s.close();
        }
    }

    private Tether.Result setupAsNobody() {
        return nobody.tether().run("setup", "--sync-root", s.syncRoot.toString(), "--yes", "--allow-running");
    }

    @Test
    void originalThatCannotBeRemovedLosesNoFile() {
        Tether.Result r = setupAsNobody();
        assertTrue(r.exitCode() == 4 || r.exitCode() == 5, () -> "setup should fail (4 rolled back, 5 left to the journal):\n" + r);
        assertEveryItemRecoverable(s, original);
    }

    @Test
    void originalThatCannotBeRemovedLeavesEveryItemWholeWhereClaudeCodeReadsIt() {
        Tether.Result r = setupAsNobody();
        assertSameContent(original, s.items(), "the items at their paths (through a link where linked) after:\n" + r);
    }

    @Test
    void onceTheDirectoryIsWritableUnlinkBringsTheOriginalLayoutBack() throws Exception {
        setupAsNobody();
        // the way out a person takes: make tether's leftovers and the synced copy writable again
        for (Path root : List.of(s.syncRoot, s.claude)) {
            try (Stream<Path> all = Files.walk(root)) {
                for (Path dir : all.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                    boolean ours = root.equals(s.syncRoot) || s.claude.relativize(dir).toString().startsWith(".projects.tether-");
                    if (ours) {
                        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
        Tether.Result r = nobody.tether().run("unlink", "--yes");
        assertEquals(0, r.exitCode(), () -> "unlink once the directory is writable:\n" + r);
        for (String item : Sandbox.ITEMS) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameContent(original, s.items(), "the items after unlink");
        assertSyncedFolderHoldsNoItems(s);
        assertNoLeftovers(s);
    }

    @Test
    void originalThatCannotBeRemovedIsReportedWithThePathAndTheWayOut() {
        Tether.Result r = setupAsNobody();
        assertTrue(r.stderr().contains("permission denied") && r.stderr().contains(readOnly.getFileName().toString()),
                () -> "the message should say what failed, and where:\n" + r);
        if (r.exitCode() == 5) {
            assertTrue(r.stderr().contains("tether unlink") || r.stderr().contains("tether setup"),
                    () -> "an unfinished run should name the command that finishes or undoes it:\n" + r);
        }
    }
}
