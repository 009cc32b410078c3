package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The link API of the POSIX platforms, on a real disk. */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PosixLinksTest {
    @TempDir
    Path dir;

    private final Platform platform = Platform.current();

    @Test
    void aDirectoryAndAFileBothGetASymlinkReadBackWithItsAbsoluteTarget() throws IOException {
        Path tree = Files.createDirectory(dir.resolve("synced-projects"));
        Path file = Files.writeString(dir.resolve("synced-history.jsonl"), "x\n");
        assertEquals(LinkKind.SYMLINK, platform.createLink(dir.resolve("projects"), tree, true));
        assertEquals(LinkKind.SYMLINK, platform.createLink(dir.resolve("history.jsonl"), file, false));
        assertEquals(Optional.of(new Platform.Link(LinkKind.SYMLINK, tree)), platform.readLink(dir.resolve("projects")));
        assertEquals(Optional.of(new Platform.Link(LinkKind.SYMLINK, file)), platform.readLink(dir.resolve("history.jsonl")));
    }

    @Test
    void aRelativeSymlinkIsReadAsAnAbsoluteTarget() throws IOException {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createSymbolicLink(dir.resolve("a/link"), Path.of("b"));
        assertEquals(dir.resolve("a/b"), platform.readLink(dir.resolve("a/link")).orElseThrow().target());
    }

    @Test
    void dataAndNothingAreNotLinks() throws IOException {
        assertEquals(Optional.empty(), platform.readLink(Files.createDirectory(dir.resolve("d"))));
        assertEquals(Optional.empty(), platform.readLink(Files.writeString(dir.resolve("f"), "")));
        assertEquals(Optional.empty(), platform.readLink(dir.resolve("missing")));
    }

    @Test
    void removingALinkLeavesItsTargetWhole() throws IOException {
        Path tree = Files.createDirectory(dir.resolve("synced"));
        Files.writeString(tree.resolve("keep.jsonl"), "keep\n");
        Path link = dir.resolve("projects");
        platform.createLink(link, tree);
        platform.removeLink(link);
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep\n", Files.readString(tree.resolve("keep.jsonl")));
    }

    @Test
    void removeLinkRefusesRealData() throws IOException {
        Path tree = Files.createDirectory(dir.resolve("projects"));
        Files.writeString(tree.resolve("keep.jsonl"), "keep\n");
        assertThrows(NotLinkException.class, () -> platform.removeLink(tree));
        assertTrue(Files.exists(tree.resolve("keep.jsonl")));
    }

    @Test
    void nothingOnALocalDiskIsAPlaceholder() throws IOException {
        assertFalse(platform.isPlaceholder(Files.writeString(dir.resolve("f"), "x")));
    }
}
