package dev.tether.safety;

import static dev.tether.testing.Safety.assertLinkedTo;
import static dev.tether.testing.Safety.assertNoLeftovers;
import static dev.tether.testing.Safety.assertRealLocal;
import static dev.tether.testing.Safety.assertSameContent;
import static dev.tether.testing.Safety.assertSameFileMtimes;
import static dev.tether.testing.Safety.assertSameModes;
import static dev.tether.testing.Safety.assertSameMtimes;
import static dev.tether.testing.Safety.assertSameTree;
import static dev.tether.testing.Safety.assertSyncedFolderHoldsNoItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * setup, verify and unlink on real directories, run in-process, on one filesystem (one rename per item)
 * and across filesystems (copy, verify, place, link, clean). Every file is compared by SHA-256 and
 * modification time before setup, through the links after setup, and as real files after unlink.
 */
class SetupVerifyUnlinkTest {
    @TempDir
    Path tmp;

    private Sandbox s;

    @AfterEach
    void removeSandbox() throws IOException {
        if (s != null) {
            s.close();
        }
    }

    private Sandbox sandbox(Device device) throws IOException {
        s = Sandbox.create(tmp, device).generate(20240611L);
        return s;
    }

    private Tether.Result tether(String... args) {
        return InProcess.run(s.home, args);
    }

    private void setup() {
        Tether.Result r = tether("setup", "--sync-root", s.syncRoot.toString(), "--yes");
        assertEquals(0, r.exitCode(), () -> "setup failed:\n" + r);
    }

    private void unlink(String... more) {
        List<String> args = new ArrayList<>(List.of("unlink", "--yes"));
        args.addAll(List.of(more));
        Tether.Result r = tether(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), () -> "unlink failed:\n" + r);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupKeepsEveryByteReachableThroughTheLinks(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        assertSameContent(before, s.items(), "the items read through their links after setup");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupKeepsModificationTimesReachedThroughTheLinks(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        assertSameFileMtimes(before, s.items(), "files read through their links after setup");
        assertSameMtimes(before, s.items(), "files and directories read through their links after setup");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupKeepsPosixModes(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        assertSameModes(before, s.items(), "the items read through their links after setup");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupLeavesAnAbsoluteLinkToTheSyncedCopyInPlaceOfEveryItem(Device device) throws IOException {
        sandbox(device);
        setup();
        for (String item : Sandbox.ITEMS) {
            assertLinkedTo(s.claude.resolve(item), s.synced.resolve(item));
            assertRealLocal(s.synced.resolve(item));
        }
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupLeavesEverythingElseInTheClaudeDirWhereItWas(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.others().without(".");
        setup();
        assertSameTree(before, s.others().without("."), "the files of .claude that are not items");
        try (Stream<Path> all = Files.walk(s.syncRoot)) {
            assertTrue(all.noneMatch(p -> p.getFileName().toString().equals(".credentials.json")),
                    "credentials must never reach the sync root");
        }
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupLeavesNoTemporaryNames(Device device) throws IOException {
        sandbox(device);
        setup();
        assertNoLeftovers(s);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void verifyIsHealthyAfterSetup(Device device) throws IOException {
        sandbox(device);
        setup();
        Tether.Result r = tether("verify", "--json");
        assertEquals(0, r.exitCode(), () -> "verify:\n" + r);
        JsonNode doc = r.json();
        assertTrue(doc.path("healthy").asBoolean(), () -> "verify:\n" + r);
        for (JsonNode f : doc.path("findings")) {
            assertFalse(f.path("status").asText().equals("error"), () -> "an error finding after setup: " + f);
        }
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void unlinkBringsBackEveryByteAsRealLocalFiles(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        unlink();
        for (String item : Sandbox.ITEMS) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameContent(before, s.items(), "the items after unlink");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void unlinkKeepsModificationTimesAndModes(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        unlink();
        assertSameFileMtimes(before, s.items(), "the files after unlink");
        assertSameMtimes(before, s.items(), "the files and directories after unlink");
        assertSameModes(before, s.items(), "the items after unlink");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void unlinkLeavesTheSyncedCopyForOtherMachines(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        unlink();
        assertSameContent(before, TreeSnapshot.ofItems(s.synced, Sandbox.ITEMS), "the synced copy after a plain unlink");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void unlinkLeavesNoTemporaryNames(Device device) throws IOException {
        sandbox(device);
        setup();
        unlink();
        assertNoLeftovers(s);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void unlinkWithRemoveSyncedMovesTheDataBackAndEmptiesTheSyncedFolder(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.items();
        setup();
        unlink("--remove-synced");
        for (String item : Sandbox.ITEMS) {
            assertRealLocal(s.claude.resolve(item));
        }
        assertSameTree(before, s.items(), "the items after unlink --remove-synced");
        assertSyncedFolderHoldsNoItems(s);
        assertNoLeftovers(s);
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void secondSetupReportsEveryItemOkAndChangesNothing(Device device) throws IOException {
        sandbox(device);
        setup();
        // tether's own bookkeeping (its state dir, this machine's entry in the registry) may be rewritten
        TreeSnapshot before = dataOnly(s.everything());
        Tether.Result r = tether("setup", "--yes", "--json");
        assertEquals(0, r.exitCode(), () -> "second setup:\n" + r);
        JsonNode items = r.json().path("items");
        assertEquals(Sandbox.ITEMS.size(), items.size(), () -> "second setup:\n" + r);
        for (JsonNode item : items) {
            assertEquals("ok", item.path("action").asText(), () -> "second setup, item " + item);
        }
        assertSameTree(before, dataOnly(s.everything()), "home and sync root after a second setup");
    }

    private TreeSnapshot dataOnly(TreeSnapshot everything) {
        return everything.without("home/.local/state/tether").without("root/.claude-session-backup/.tether");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void setupDryRunChangesNothing(Device device) throws IOException {
        sandbox(device);
        TreeSnapshot before = s.everything();
        Tether.Result r = tether("setup", "--sync-root", s.syncRoot.toString(), "--dry-run");
        assertEquals(0, r.exitCode(), () -> "setup --dry-run:\n" + r);
        assertSameTree(before, s.everything(), "home and sync root after setup --dry-run");
    }

    @Test
    void unlinkDryRunOnAMachineNeverSetUpChangesNothing() throws IOException {
        sandbox(Device.SAME);
        TreeSnapshot before = s.everything();
        Tether.Result r = tether("unlink", "--dry-run");
        assertEquals(0, r.exitCode(), () -> "unlink --dry-run:\n" + r);
        assertSameTree(before, s.everything(), "home and sync root after unlink --dry-run");
    }

    @ParameterizedTest
    @EnumSource(Device.class)
    void unlinkDryRunChangesNothing(Device device) throws IOException {
        sandbox(device);
        setup();
        TreeSnapshot before = s.everything();
        Tether.Result r = tether("unlink", "--dry-run");
        assertEquals(0, r.exitCode(), () -> "unlink --dry-run:\n" + r);
        assertSameTree(before, s.everything(), "home and sync root after unlink --dry-run");
        for (String item : Sandbox.ITEMS) {
            assertTrue(Files.isSymbolicLink(s.claude.resolve(item)), item + " should still be linked");
            assertTrue(Files.exists(s.synced.resolve(item), LinkOption.NOFOLLOW_LINKS));
        }
    }
}
