package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Kind;
import dev.tether.platform.JimfsPlatform;
import dev.tether.platform.LinkKindDecision.SymlinkRights;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkRightsTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.windows());
    private final Path claude = fs.getPath("C:\\Users\\me\\.claude");
    private final Path synced = fs.getPath("C:\\Users\\me\\Proton Drive\\.claude-session-backup");

    private final List<Action> plan = List.of(
            new Action.Move("history.jsonl", Kind.FILE, claude.resolve("history.jsonl"), synced.resolve("history.jsonl"), false, 10, 1),
            new Action.Move("projects", Kind.DIR, claude.resolve("projects"), synced.resolve("projects"), false, 10, 1),
            new Action.Link("tasks", Kind.DIR, claude.resolve("tasks"), synced.resolve("tasks")),
            new Action.Ok("file-history", Kind.DIR, claude.resolve("file-history"), synced.resolve("file-history")),
            new Action.Absent(".planning", null, claude.resolve(".planning"), synced.resolve(".planning")));

    @Test
    void withoutSymlinkRightsOnlyTheFileIsRefusedAndItSaysHowToTurnOnDeveloperMode() {
        List<Action> checked = LinkRights.refuseUnlinkable(plan, JimfsPlatform.windows(SymlinkRights.NONE));
        Action.Refuse history = assertInstanceOf(Action.Refuse.class, checked.get(0));
        assertEquals("history.jsonl", history.item());
        assertTrue(history.hint().contains("Developer Mode"), history.hint());
        assertEquals(plan.subList(1, plan.size()), checked.subList(1, checked.size()));
    }

    @Test
    void withSymlinkRightsOrOnPosixThePlanIsUnchanged() {
        assertEquals(plan, LinkRights.refuseUnlinkable(plan, JimfsPlatform.windows(SymlinkRights.DEVELOPER_MODE)));
        assertEquals(plan, LinkRights.refuseUnlinkable(plan, JimfsPlatform.windows(SymlinkRights.PRIVILEGED)));
        assertEquals(plan, LinkRights.refuseUnlinkable(plan, JimfsPlatform.mac()));
        assertEquals(plan, LinkRights.refuseUnlinkable(plan, JimfsPlatform.linux()));
    }
}
