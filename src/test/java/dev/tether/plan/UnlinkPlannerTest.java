package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Kind;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link UnlinkPlanner#decide}: only tether's own, intact links are restored; everything else is reported and left. */
class UnlinkPlannerTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path source = fs.getPath("/home/me/.claude/projects");
    private final Path recorded = fs.getPath("/home/me/Drive/.claude-session-backup/projects");

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private UnlinkAction decide(Entry local, Entry synced, boolean sameDevice) {
        UnlinkAction a = UnlinkPlanner.decide("projects", Kind.DIR, source, recorded, local, synced, sameDevice);
        assertEquals("projects", a.item());
        assertEquals(source, a.source());
        assertEquals(recorded, a.target());
        return a;
    }

    private Entry linkTo(Path target) {
        return new Entry.Link(target, true, Optional.of(target));
    }

    private UnlinkAction.Leave left(Entry local, Entry synced) {
        UnlinkAction a = decide(local, synced, true);
        UnlinkAction.Leave leave = assertInstanceOf(UnlinkAction.Leave.class, a, () -> "expected leave, got " + a);
        assertEquals("leave", leave.name());
        assertEquals(Kind.DIR, leave.kind());
        return leave;
    }

    @Test
    void restoresTetherLinkOnTheSameDeviceByRename() {
        UnlinkAction.Restore r = assertInstanceOf(UnlinkAction.Restore.class,
                decide(linkTo(recorded), new Entry.Data(Kind.DIR, -1, -1), true));
        assertEquals("restore", r.name());
        assertFalse(r.crossDevice());
        assertEquals(Kind.DIR, r.kind());
    }

    @Test
    void restoresTetherLinkAcrossDevicesByCopyWithTheSyncedSize() {
        UnlinkAction.Restore r = assertInstanceOf(UnlinkAction.Restore.class,
                decide(linkTo(recorded), new Entry.Data(Kind.DIR, 4096, 12), false));
        assertTrue(r.crossDevice());
        assertEquals(4096, r.bytes());
        assertEquals(12, r.files());
    }

    @Test
    void restoresWithTheKindTheSyncedCopyHasNow() {
        UnlinkAction.Restore r = assertInstanceOf(UnlinkAction.Restore.class,
                decide(linkTo(recorded), new Entry.Data(Kind.FILE, 5, 1), true));
        assertEquals(Kind.FILE, r.kind());
    }

    @Test
    void leavesAnItemThatIsMissingLocally() {
        assertTrue(left(new Entry.Missing(), new Entry.Data(Kind.DIR, -1, -1)).reason().contains("missing locally"));
    }

    @Test
    void leavesALinkThatAnAppReplacedWithRealData() {
        assertTrue(left(new Entry.Data(Kind.DIR, -1, -1), new Entry.Data(Kind.DIR, -1, -1)).reason().contains("real dir"));
    }

    @Test
    void leavesAnUnsupportedLocalEntry() {
        assertTrue(left(new Entry.Unsupported("a FIFO"), new Entry.Data(Kind.DIR, -1, -1)).reason().contains("real entry"));
    }

    @Test
    void leavesALinkThatNowPointsElsewhere() {
        Path elsewhere = fs.getPath("/home/me/Dropbox/projects");
        UnlinkAction.Leave leave = left(linkTo(elsewhere), new Entry.Data(Kind.DIR, -1, -1));
        assertTrue(leave.reason().contains(elsewhere.toString()), leave.reason());
    }

    @Test
    void leavesTetherLinkWhenTheSyncedCopyIsNotPlainData() {
        assertTrue(left(linkTo(recorded), new Entry.Unsupported("a socket")).reason().contains("not a plain file or directory"));
        left(linkTo(recorded), linkTo(fs.getPath("/etc")));
    }

    @Test
    void reportsTetherLinkWhoseTargetIsGoneAndInventsNothing() {
        UnlinkAction a = decide(new Entry.Link(recorded, false, Optional.empty()), new Entry.Missing(), true);
        UnlinkAction.TargetMissing m = assertInstanceOf(UnlinkAction.TargetMissing.class, a);
        assertEquals("missing", m.name());
        assertEquals(Kind.DIR, m.kind());
    }
}
