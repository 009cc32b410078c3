package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.platform.JimfsPlatform;
import dev.tether.layout.Kind;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link Observer} reading a Jimfs disk, and the {@link Planner} deciding on what it saw: every
 * action and every refusal that a disk can show, on Linux, macOS and Windows path rules.
 */
class ObserverTest {

    private static Action plan(World.Disk d, String item, boolean sameDevice) throws IOException {
        return plan(d, item, sameDevice, Optional.empty());
    }

    private static Action plan(World.Disk d, String item, boolean sameDevice, Optional<Path> recorded) throws IOException {
        Observation o = new Observer(JimfsPlatform.of(d.world().os()).withSameDevice(sameDevice)).observe(item, d.layout(), recorded);
        return Planner.decide(o);
    }

    private static Action.Refuse refused(World.Disk d, String item) throws IOException {
        Action a = plan(d, item, true);
        return assertInstanceOf(Action.Refuse.class, a, () -> "expected a refusal, got " + a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void observesBothSidesOfAnItemAndWhatWasRecorded(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.claude().resolve("history.jsonl"), "{}\n");
            Path recorded = d.synced().resolve("history.jsonl");
            Observation o = new Observer(JimfsPlatform.of(w.os()).withSameDevice(false)).observe("history.jsonl", d.layout(), Optional.of(recorded));
            assertEquals("history.jsonl", o.item());
            assertEquals(Optional.of(Kind.FILE), o.expectedKind());
            assertEquals(d.claude().toRealPath().resolve("history.jsonl"), o.source());
            assertEquals(d.synced().resolve("history.jsonl"), o.target());
            assertEquals(new Entry.Data(Kind.FILE, 3, 1), o.local());
            assertEquals(new Entry.Missing(), o.synced());
            assertEquals(Optional.of(recorded), o.recordedTarget());
            assertFalse(o.sameDevice());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void movesALocalDirectoryByOneRenameOnTheSameDevice(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.claude().resolve("projects").resolve("-home-me-app").resolve("s1.jsonl"), "{\"a\":1}\n");
            Action.Move m = assertInstanceOf(Action.Move.class, plan(d, "projects", true));
            assertFalse(m.crossDevice());
            assertEquals(Kind.DIR, m.kind());
            assertEquals(d.claude().resolve("projects"), m.source());
            assertEquals(d.synced().resolve("projects"), m.target());
            assertEquals(-1, m.bytes(), "a rename needs no count");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void movesALocalDirectoryByCopyAcrossDevicesAndCountsItsFiles(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path projects = d.claude().resolve("projects");
            d.write(projects.resolve("-home-me-app").resolve("s1.jsonl"), "12345");
            d.write(projects.resolve("-home-me-Bücher app").resolve("s2.jsonl"), "123");
            Files.createDirectories(projects.resolve("empty"));
            Action.Move m = assertInstanceOf(Action.Move.class, plan(d, "projects", false));
            assertTrue(m.crossDevice());
            assertEquals(8, m.bytes());
            assertEquals(2, m.files());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void movesTheHistoryFileAcrossDevicesWithItsSize(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.claude().resolve("history.jsonl"), "{\"display\":\"hi\"}\n");
            Action.Move m = assertInstanceOf(Action.Move.class, plan(d, "history.jsonl", false));
            assertEquals(Kind.FILE, m.kind());
            assertEquals(17, m.bytes());
            assertEquals(1, m.files());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void linksAnItemThatOnlyTheSyncedFolderHas(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.synced().resolve("projects").resolve("p").resolve("s.jsonl"), "{}\n");
            Action.Link l = assertInstanceOf(Action.Link.class, plan(d, "projects", true));
            assertEquals(Kind.DIR, l.kind());
            assertEquals(d.synced().resolve("projects"), l.target());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void reportsOkForALinkToThePlannedTarget(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path target = d.write(d.synced().resolve("history.jsonl"), "{}\n");
            Files.createSymbolicLink(d.claude().resolve("history.jsonl"), target);
            assertInstanceOf(Action.Ok.class, plan(d, "history.jsonl", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void reportsOkForARelativeLinkThatReachesThePlannedTarget(World w) throws IOException {
        try (World.Disk d = w.open()) {
            assumeTrue(d.root().getRoot().equals(d.claude().getRoot()), "a relative link cannot cross drives");
            Path target = Files.createDirectories(d.synced().resolve("projects"));
            Path source = d.claude().resolve("projects");
            Files.createSymbolicLink(source, source.getParent().relativize(target));
            assertInstanceOf(Action.Ok.class, plan(d, "projects", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void reportsAnItemThatExistsNowhereAsAbsent(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createDirectories(d.synced());
            assertInstanceOf(Action.Absent.class, plan(d, ".archive", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesALinkInTheSyncedFolder(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path elsewhere = Files.createDirectories(d.home().resolve("elsewhere"));
            Files.createDirectories(d.synced());
            Files.createSymbolicLink(d.synced().resolve("projects"), elsewhere);
            assertTrue(refused(d, "projects").reason().contains("synced folder holds a link"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesALinkToThePlannedTargetWhoseTargetIsMissing(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createSymbolicLink(d.claude().resolve("projects"), d.synced().resolve("projects"));
            assertTrue(refused(d, "projects").reason().contains("which does not exist (was the synced folder moved"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesADanglingLinkElsewhere(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createSymbolicLink(d.claude().resolve("projects"), d.home().resolve("gone").resolve("projects"));
            assertTrue(refused(d, "projects").reason().contains("dangling link"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesALinkToAnotherExistingPlace(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path other = Files.createDirectories(d.home().resolve("Dropbox").resolve("projects"));
            Files.createSymbolicLink(d.claude().resolve("projects"), other);
            assertTrue(refused(d, "projects").reason().contains("link to another place"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesALocalFileWhereADirectoryIsExpected(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.claude().resolve("projects"), "not a dir");
            assertTrue(refused(d, "projects").reason().contains("where a dir is expected"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesALocalDirectoryWhereAFileIsExpected(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createDirectories(d.claude().resolve("history.jsonl"));
            assertTrue(refused(d, "history.jsonl").reason().contains("where a file is expected"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesASyncedFileWhereADirectoryIsExpected(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.synced().resolve("tasks"), "not a dir");
            Action.Refuse r = refused(d, "tasks");
            assertTrue(r.reason().contains(d.synced().resolve("tasks").toString()), r.reason());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesASyncedDirectoryWhereAFileIsExpected(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createDirectories(d.synced().resolve("history.jsonl"));
            d.write(d.claude().resolve("history.jsonl"), "{}\n");
            assertTrue(refused(d, "history.jsonl").reason().contains("where a file is expected"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void mergesAnItemPresentOnBothSides(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.claude().resolve("projects").resolve("a").resolve("s.jsonl"), "{}\n");
            d.write(d.synced().resolve("projects").resolve("b").resolve("s.jsonl"), "{}\n");
            Action.Merge m = assertInstanceOf(Action.Merge.class, plan(d, "projects", true, Optional.empty()));
            assertEquals(3, m.bytes(), "the local tree is counted: a merge copies");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void readoptsALinkedItemThatAnAppReplacedWithRealData(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path target = d.write(d.synced().resolve("history.jsonl"), "{\"a\":1}\n");
            d.write(d.claude().resolve("history.jsonl"), "{\"a\":1}\n{\"b\":2}\n");
            Action a = plan(d, "history.jsonl", true, Optional.of(target));
            assertTrue(assertInstanceOf(Action.Merge.class, a).readopt());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void looksAtALinkWithoutFollowingIt(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path target = d.write(d.synced().resolve("history.jsonl"), "{}\n");
            Path link = Files.createSymbolicLink(d.claude().resolve("history.jsonl"), target);
            Entry.Link e = assertInstanceOf(Entry.Link.class, Observer.look(link, true));
            assertEquals(target, e.target());
            assertTrue(e.targetExists());
            assertEquals(Optional.of(target.toRealPath()), e.resolved());
            assertEquals(new Entry.Missing(), Observer.look(d.claude().resolve("nothing"), true));
        }
    }
    /** The planned target spelled in other letter case, as a user or another tool may have typed it. */
    private static Path otherCase(World.Disk d, String item) {
        return d.fs().getPath(d.synced().resolve(item).toString().toUpperCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseInsensitiveWorlds")
    void onCaseInsensitiveDisksALinkSpelledInOtherCaseReachesThePlannedTargetAndIsOk(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.synced().resolve("history.jsonl"), "{}\n");
            Files.createSymbolicLink(d.claude().resolve("history.jsonl"), otherCase(d, "history.jsonl"));
            assertInstanceOf(Action.Ok.class, plan(d, "history.jsonl", true));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseInsensitiveWorlds")
    void onCaseInsensitiveDisksAnItemNamedInOtherCaseIsTheSameItem(World w) throws IOException {
        try (World.Disk d = w.open()) {
            d.write(d.claude().resolve("HISTORY.JSONL"), "{}\n");
            Action.Move m = assertInstanceOf(Action.Move.class, plan(d, "history.jsonl", true));
            assertEquals(Kind.FILE, m.kind());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseInsensitiveWorlds")
    void onCaseInsensitiveDisksTheSyncedCopyInOtherCaseCountsAsPresentOnBothSides(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createDirectories(d.claude().resolve("projects"));
            Files.createDirectories(d.synced().resolve("PROJECTS"));
            assertInstanceOf(Action.Merge.class, plan(d, "projects", true));
        }
    }

    @Test
    void onLinuxALinkSpelledInOtherCaseLeadsNowhereAndIsRelinked() throws IOException {
        try (World.Disk d = World.named("linux").open()) {
            d.write(d.synced().resolve("history.jsonl"), "{}\n");
            Files.createSymbolicLink(d.claude().resolve("history.jsonl"), otherCase(d, "history.jsonl"));
            Action.Relink r = assertInstanceOf(Action.Relink.class, plan(d, "history.jsonl", true));
            assertEquals(d.synced().resolve("history.jsonl"), r.target());
        }
    }

    @Test
    void onWindowsTheSyncedFolderMayLieOnAnotherDrive() throws IOException {
        try (World.Disk d = World.named("windows").open()) {
            d.write(d.claude().resolve("history.jsonl"), "{}\n");
            Action.Move m = assertInstanceOf(Action.Move.class, plan(d, "history.jsonl", false));
            assertEquals(d.fs().getPath("C:\\Users\\me\\.claude\\history.jsonl"), m.source());
            assertEquals(d.fs().getPath("D:\\OneDrive\\.claude-session-backup\\history.jsonl"), m.target());
            assertTrue(m.crossDevice());
        }
    }

    static Stream<World> caseInsensitiveWorlds() {
        return World.all().filter(w -> w.os() != Os.LINUX);
    }
}
