package dev.tether.safety;

import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameTree;
import static dev.tether.testing.Safety.assertSyncRootHoldsNoFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.Privileges;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A permission error deep in the tree, for real: the home and the sync root belong to {@code nobody},
 * one session file deep in {@code projects/} is mode 000, and the packaged tether runs as
 * {@code nobody} (through {@code runuser}; root would ignore the mode) with the sync root on another
 * filesystem, so the copy meets the file. The run fails with exit 4, names the file, and leaves
 * everything as it was.
 */
class PermissionIT {
    @TempDir
    Path tmp;

    private Sandbox s;
    private Path unreadable;
    private Privileges.AsNobody nobody;

    @BeforeEach
    void homeOwnedByNobodyWithAnUnreadableFileDeepInProjects() throws Exception {
        Privileges.assumeRunuser();
        s = Sandbox.create(tmp.resolve("sandbox"), Device.CROSS).generate(4242);
        Path project;
        try (Stream<Path> list = Files.list(s.claude.resolve("projects"))) {
            project = list.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
        }
        Path subagents = Files.createDirectories(project.resolve("5d3c2b1a-0000-4000-8000-000000000001").resolve("subagents"));
        unreadable = subagents.resolve("agent-a1b2c3.jsonl");
        Files.writeString(unreadable, "{\"type\":\"assistant\",\"message\":\"a subagent's transcript\"}\n");
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
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
    void unreadableFileDeepInTheTreeFailsTheSetupWithExit4NamingTheFile() {
        Tether.Result r = setupAsNobody();
        assertEquals(4, r.exitCode(), () -> "setup as nobody:\n" + r);
        assertTrue(r.stderr().contains(unreadable.toString()), () -> "the message should name " + unreadable + ":\n" + r);
        assertTrue(r.stderr().contains("permission denied"), () -> "the message should say what failed:\n" + r);
    }

    @Test
    void unreadableFileDeepInTheTreeLeavesTheClaudeDirAsItWas() {
        // the data dir's own mtime changes with every entry made and removed in it; all below must not
        TreeSnapshot before = TreeSnapshot.of(s.claude).without(".");
        setupAsNobody();
        for (String item : s.presentItems()) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameTree(before, TreeSnapshot.of(s.claude).without("."), ".claude after the failed setup");
        assertNoLeftovers(s);
    }

    @Test
    void unreadableFileDeepInTheTreeLeavesNoPartialCopyInTheSyncRoot() throws IOException {
        setupAsNobody();
        assertSyncRootHoldsNoFiles(s);
    }
}
