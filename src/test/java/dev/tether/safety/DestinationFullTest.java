package dev.tether.safety;

import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameTree;
import static dev.tether.testing.Safety.assertSyncRootHoldsNoFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.apply.Journal;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.testing.Privileges;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The destination filesystem full, for real: the sync root is a 1 MiB tmpfs and about 6 MiB must move.
 * The free-space check refuses before anything changes; told that there is room (a free-space probe injected
 * through the context), the copy meets a real ENOSPC, and the run rolls back.
 */
class DestinationFullTest {
    @TempDir
    Path tmp;

    private Sandbox s;
    private boolean mounted;

    @BeforeEach
    void syncRootOnAOneMebibyteTmpfs() throws IOException {
        Privileges.assumeRoot();
        // made as a same-device sandbox; the mount puts the sync root on its own (tiny) filesystem
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(99).addBulk(6, 1 << 20, 99);
        Privileges.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", s.syncRoot.toString());
        mounted = true;
    }

    @AfterEach
    void unmount() throws IOException {
        if (mounted) {
            Privileges.run("umount", s.syncRoot.toString());
        }
        if (s != null) {
            s.close();
        }
    }

    private Tether.Result setup(Map<String, String> env) {
        return InProcess.run(s.home, env, "setup", "--sync-root", s.syncRoot.toString(), "--yes");
    }

    private Tether.Result setupPastTheSpaceCheck() {
        return InProcess.run(s.home, Map.of(), dir -> Long.MAX_VALUE, "setup", "--sync-root", s.syncRoot.toString(), "--yes");
    }

    @Test
    void setupRefusesWhenTheSyncRootHasNoRoomForTheCopy() {
        TreeSnapshot before = dataOnly(s.everything());
        Tether.Result r = setup(Map.of());
        assertEquals(3, r.exitCode(), () -> "setup onto a full sync root:\n" + r);
        assertTrue(r.stderr().contains("not enough free space"), () -> "the message should say why:\n" + r);
        assertSameTree(before, dataOnly(s.everything()), "home and sync root after the refusal");
    }

    /** All but tether's own state dir (where the lock lives) and the home's mtime, which changes with it. */
    private static TreeSnapshot dataOnly(TreeSnapshot everything) {
        return everything.without("home/.local").without("home/.");
    }

    @Test
    void copyThatFillsTheDiskFailsWithExit4SayingTheDiskIsFull() throws IOException {
        Tether.Result r = setupPastTheSpaceCheck();
        assertEquals(4, r.exitCode(), () -> "setup that fills the disk:\n" + r);
        assertTrue(r.stderr().contains("disk is full"), () -> "the message should say the disk is full:\n" + r);
        assertFalse(new Journal(s.stateDir(), null).pending().isPresent(), "the run should be rolled back, not pending");
    }

    @Test
    void copyThatFillsTheDiskLeavesTheClaudeDirAsItWas() {
        // the data dir's own mtime changes with every entry made and removed in it; all below must not
        TreeSnapshot before = TreeSnapshot.of(s.claude).without(".");
        setupPastTheSpaceCheck();
        for (String item : s.presentItems()) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameTree(before, TreeSnapshot.of(s.claude).without("."), ".claude after the disk filled up");
        assertNoLeftovers(s);
    }

    @Test
    void copyThatFillsTheDiskLeavesNoPartialCopyInTheSyncRoot() {
        setupPastTheSpaceCheck();
        assertSyncRootHoldsNoFiles(s);
    }
}
