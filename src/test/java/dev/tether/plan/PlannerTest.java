package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Items;
import dev.tether.layout.Kind;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Planner#decide} on hand-built observations: every action and every refusal, no disk involved. */
class PlannerTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path claude = fs.getPath("/home/me/.claude");
    private final Path synced = fs.getPath("/home/me/Proton Drive/.claude-session-backup");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static Entry missing() {
        return new Entry.Missing();
    }

    private static Entry dir(long bytes, long files) {
        return new Entry.Data(Kind.DIR, bytes, files);
    }

    private static Entry file(long bytes) {
        return new Entry.Data(Kind.FILE, bytes, 1);
    }

    private static Entry link(Path to, boolean exists) {
        return new Entry.Link(to, exists, exists ? Optional.of(to) : Optional.empty());
    }

    private Observation observe(String item, Entry local, Entry remote) {
        return observe(item, local, remote, Optional.empty(), true);
    }

    private Observation observe(String item, Entry local, Entry remote, Optional<Path> recorded, boolean sameDevice) {
        return new Observation(item, Items.expectedKind(item), claude.resolve(item), local, synced.resolve(item), remote,
                recorded, sameDevice);
    }

    private Action.Refuse refused(Observation o) {
        Action a = Planner.decide(o);
        Action.Refuse r = assertInstanceOf(Action.Refuse.class, a, () -> "expected a refusal, got " + a);
        assertEquals("refuse", r.name());
        assertFalse(r.changes());
        assertEquals(o.source(), r.source());
        assertEquals(o.target(), r.target());
        return r;
    }

    @Test
    void localOnlyDirectoryOnTheSameDeviceMovesByOneRename() {
        Action a = Planner.decide(observe("projects", dir(-1, -1), missing()));
        Action.Move m = assertInstanceOf(Action.Move.class, a);
        assertEquals("move", m.name());
        assertEquals(Kind.DIR, m.kind());
        assertFalse(m.crossDevice());
        assertEquals(claude.resolve("projects"), m.source());
        assertEquals(synced.resolve("projects"), m.target());
        assertTrue(m.changes());
    }

    @Test
    void localOnlyDirectoryOnAnotherDeviceMovesByCopyWithItsSize() {
        Action a = Planner.decide(observe("projects", dir(1234, 7), missing(), Optional.empty(), false));
        Action.Move m = assertInstanceOf(Action.Move.class, a);
        assertTrue(m.crossDevice());
        assertEquals(1234, m.bytes());
        assertEquals(7, m.files());
    }

    @Test
    void localOnlyHistoryFileMovesAsAFile() {
        Action.Move m = assertInstanceOf(Action.Move.class, Planner.decide(observe("history.jsonl", file(99), missing())));
        assertEquals(Kind.FILE, m.kind());
        assertEquals(99, m.bytes());
    }

    @Test
    void anItemOfUnknownKindMovesAsWhatItIs() {
        Action.Move m = assertInstanceOf(Action.Move.class, Planner.decide(observe("CLAUDE.md", file(10), missing())));
        assertEquals(Kind.FILE, m.kind());
    }

    @Test
    void syncedOnlyItemIsLinked() {
        Action a = Planner.decide(observe("projects", missing(), dir(-1, -1)));
        Action.Link l = assertInstanceOf(Action.Link.class, a);
        assertEquals("link", l.name());
        assertEquals(Kind.DIR, l.kind());
        assertEquals(synced.resolve("projects"), l.target());
        assertTrue(l.changes());
    }

    @Test
    void linkToThePlannedTargetIsOk() {
        Path target = synced.resolve("projects");
        Action a = Planner.decide(observe("projects", link(target, true), dir(-1, -1)));
        Action.Ok ok = assertInstanceOf(Action.Ok.class, a);
        assertEquals("ok", ok.name());
        assertEquals(Kind.DIR, ok.kind());
        assertFalse(ok.changes());
    }

    @Test
    void linkWhoseTextDiffersButWhichResolvesToThePlannedTargetIsOk() {
        Path target = synced.resolve("history.jsonl");
        Entry viaOtherPath = new Entry.Link(fs.getPath("/home/me/drive-alias/.claude-session-backup/history.jsonl"), true,
                Optional.of(target));
        assertInstanceOf(Action.Ok.class, Planner.decide(observe("history.jsonl", viaOtherPath, file(5))));
    }

    @Test
    void itemThatExistsNowhereIsAbsentWithItsExpectedKind() {
        Action a = Planner.decide(observe(".archive", missing(), missing()));
        Action.Absent absent = assertInstanceOf(Action.Absent.class, a);
        assertEquals("absent", absent.name());
        assertEquals(Kind.DIR, absent.kind());
        assertFalse(absent.changes());
    }

    @Test
    void absentItemOfUnknownKindHasNoKind() {
        assertNull(Planner.decide(observe("notes", missing(), missing())).kind());
    }

    @Test
    void refusesALinkInTheSyncedFolder() {
        Action.Refuse r = refused(observe("projects", dir(-1, -1), link(fs.getPath("/etc"), true)));
        assertTrue(r.reason().contains("synced folder holds a link"), r.reason());
    }

    @Test
    void refusesALinkInTheSyncedFolderEvenWhenTheLocalItemIsMissing() {
        refused(observe("projects", missing(), link(fs.getPath("/etc"), true)));
    }

    @Test
    void refusesAnUnsupportedLocalEntry() {
        Action.Refuse r = refused(observe("history.jsonl", new Entry.Unsupported("a FIFO"), missing()));
        assertTrue(r.reason().contains("a FIFO"), r.reason());
    }

    @Test
    void refusesAnUnsupportedSyncedEntry() {
        Action.Refuse r = refused(observe("projects", missing(), new Entry.Unsupported("a socket")));
        assertTrue(r.reason().contains("a socket"), r.reason());
    }

    @Test
    void refusesALocalTreeHoldingASpecialFile() {
        refused(observe("projects", new Entry.Unsupported("a tree holding a special file"), missing()));
    }

    @Test
    void refusesALinkToThePlannedTargetWhenTheTargetIsMissing() {
        Path target = synced.resolve("projects");
        Action.Refuse r = refused(observe("projects", new Entry.Link(target, false, Optional.empty()), missing()));
        assertTrue(r.reason().contains("does not exist"), r.reason());
        assertTrue(r.hint() != null && r.hint().contains("--sync-root"), String.valueOf(r.hint()));
    }

    @Test
    void refusesADanglingLinkElsewhere() {
        Path elsewhere = fs.getPath("/mnt/old-drive/projects");
        Action.Refuse r = refused(observe("projects", new Entry.Link(elsewhere, false, Optional.empty()), missing()));
        assertTrue(r.reason().contains("dangling") && r.reason().contains(elsewhere.toString()), r.reason());
    }

    @Test
    void refusesALinkToAnotherExistingPlace() {
        Path elsewhere = fs.getPath("/home/me/Dropbox/projects");
        Action.Refuse r = refused(observe("projects", link(elsewhere, true), missing()));
        assertTrue(r.reason().contains("another place"), r.reason());
    }

    @Test
    void refusesALinkToAnotherExistingPlaceEvenWhenTheSyncedCopyExists() {
        refused(observe("projects", link(fs.getPath("/home/me/Dropbox/projects"), true), dir(-1, -1)));
    }

    @Test
    void refusesALocalFileWhereADirectoryIsExpected() {
        Action.Refuse r = refused(observe("projects", file(3), missing()));
        assertTrue(r.reason().contains("a file is at " + claude.resolve("projects")), r.reason());
    }

    @Test
    void refusesALocalDirectoryWhereAFileIsExpected() {
        Action.Refuse r = refused(observe("history.jsonl", dir(-1, -1), missing()));
        assertTrue(r.reason().contains("a dir is at " + claude.resolve("history.jsonl")), r.reason());
    }

    @Test
    void refusesASyncedFileWhereADirectoryIsExpected() {
        Action.Refuse r = refused(observe("projects", missing(), file(3)));
        assertTrue(r.reason().contains("a file is at " + synced.resolve("projects")), r.reason());
    }

    @Test
    void refusesASyncedDirectoryWhereAFileIsExpected() {
        Action.Refuse r = refused(observe("history.jsonl", missing(), dir(-1, -1)));
        assertTrue(r.reason().contains("a dir is at " + synced.resolve("history.jsonl")), r.reason());
    }

    @Test
    void refusesAnOkLookingLinkWhenTheSyncedCopyHasTheWrongKind() {
        Path target = synced.resolve("projects");
        refused(observe("projects", link(target, true), file(3)));
    }

    @Test
    void mergesAnItemPresentOnBothSides() {
        Action.Merge m = assertInstanceOf(Action.Merge.class, Planner.decide(observe("projects", dir(40, 3), dir(-1, -1))));
        assertEquals(40, m.bytes());
        assertFalse(m.readopt(), "never linked here before");
    }

    @Test
    void readoptsALinkedItemThatWasReplacedByRealData() {
        Path target = synced.resolve("history.jsonl");
        Action.Merge m = assertInstanceOf(Action.Merge.class,
                Planner.decide(observe("history.jsonl", file(10), file(8), Optional.of(target), true)));
        assertTrue(m.readopt(), "tether linked it before");
    }

    @Test
    void refusesAnItemThatIsAFileOnOneSideAndADirectoryOnTheOther() {
        Action.Refuse r = refused(observe("notes", file(10), dir(-1, -1)));
        assertTrue(r.reason().contains("a file here but a dir in the synced folder"), r.reason());
    }

    @Test
    void relinksADanglingLinkWhenThePlannedTargetExists() {
        Path old = fs.getPath("/mnt/old-drive/Sync/.claude-session-backup/projects");
        Action.Relink r = assertInstanceOf(Action.Relink.class,
                Planner.decide(observe("projects", new Entry.Link(old, false, Optional.empty()), dir(-1, -1))));
        assertEquals(old, r.previousTarget());
        assertEquals(synced.resolve("projects"), r.target());
    }

    @Test
    void decidesEveryObservationInOrder() {
        List<Action> plan = Planner.decide(List.of(
                observe("history.jsonl", file(1), missing()),
                observe("projects", missing(), dir(-1, -1)),
                observe(".archive", missing(), missing())));
        assertEquals(List.of("history.jsonl", "projects", ".archive"), plan.stream().map(Action::item).toList());
        assertEquals(List.of("move", "link", "absent"), plan.stream().map(Action::name).toList());
    }

    @Test
    void aPlanWithOneRefusalReportsItAndCountsOnlyTheBytesToCopy() {
        Plan plan = new Plan(synced.getParent(), synced, Planner.decide(List.of(
                observe("history.jsonl", file(100), missing(), Optional.empty(), false),
                observe("projects", dir(50, 2), missing(), Optional.empty(), false),
                observe("tasks", dir(-1, -1), missing()),
                observe("file-history", file(1), missing()))));
        assertEquals(1, plan.refusals().size());
        assertEquals("file-history", plan.refusals().get(0).item());
        assertTrue(plan.changesAnything());
        assertEquals(150, plan.copyBytes());
    }

    @Test
    void aPlanOfOkAndAbsentItemsChangesNothing() {
        Path target = synced.resolve("projects");
        Plan plan = new Plan(synced.getParent(), synced, Planner.decide(List.of(
                observe("projects", link(target, true), dir(-1, -1)),
                observe(".planning", missing(), missing()))));
        assertFalse(plan.changesAnything());
        assertTrue(plan.refusals().isEmpty());
    }
}
