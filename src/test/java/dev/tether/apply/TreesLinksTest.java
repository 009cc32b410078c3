package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.plan.Entry;
import dev.tether.plan.Observer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Walks that meet a link never go through it (the POSIX half, on a real disk; the junction half is the
 * same {@code Links.isLink} decision, tested with Windows attributes in {@code LinksTest}).
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX symlinks on a real disk; junctions are covered by LinksTest")
class TreesLinksTest {
    @TempDir
    Path dir;

    private Path outside;

    @BeforeEach
    void dataOutsideTheTree() throws IOException {
        outside = Files.createDirectories(dir.resolve("synced/projects"));
        Files.writeString(outside.resolve("keep.jsonl"), "keep\n");
    }

    @Test
    void deletingATreeRemovesALinkInsideItButNotWhatItPointsAt() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("aside/projects"));
        Files.writeString(tree.resolve("a.jsonl"), "a\n");
        Files.createSymbolicLink(tree.resolve("through"), outside);
        Trees.deleteIfExists(dir.resolve("aside"));
        assertFalse(Files.exists(dir.resolve("aside"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep\n", Files.readString(outside.resolve("keep.jsonl")));
    }

    @Test
    void deletingAWideAndDeepTreeLeavesNothingButWhatItsLinksPointAt() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("aside/file-history"));
        for (int d = 0; d < 60; d++) {
            Path sub = Files.createDirectories(tree.resolve("s" + d).resolve("a").resolve("b"));
            for (int f = 0; f < 20; f++) {
                Files.writeString((f % 3 == 0 ? sub : sub.getParent().getParent()).resolve("f" + f), "x");
            }
            Files.createDirectories(tree.resolve("s" + d).resolve("empty"));
            Files.createSymbolicLink(sub.resolve("out"), outside);
        }
        Trees.deleteIfExists(dir.resolve("aside"));
        assertFalse(Files.exists(dir.resolve("aside"), LinkOption.NOFOLLOW_LINKS));
        assertEquals("keep\n", Files.readString(outside.resolve("keep.jsonl")));
    }

    @Test
    void deletingALinkToADirectoryRemovesOnlyTheLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("projects"), outside);
        Trees.deleteIfExists(link);
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
        assertTrue(Files.exists(outside.resolve("keep.jsonl")));
    }

    @Test
    void deleteIfLinkLeavesRealData() throws IOException {
        Trees.deleteIfLink(outside);
        assertTrue(Files.exists(outside.resolve("keep.jsonl")));
        assertFalse(ItemSteps.isData(dir.resolve("missing")));
        assertTrue(ItemSteps.isData(outside));
        Path link = Files.createSymbolicLink(dir.resolve("link"), outside);
        assertFalse(ItemSteps.isData(link));
        Trees.deleteIfLink(link);
        assertFalse(Files.exists(link, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aRelativeLinkIsComparedByItsAbsoluteTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("projects"), Path.of("synced/projects"));
        assertTrue(Trees.isLinkTo(link, outside));
        assertFalse(Trees.isLinkTo(link, dir.resolve("synced")));
        assertFalse(Trees.isLinkTo(outside, outside));
    }

    @Test
    void theManifestAndTheObserverCountALinkInsideATreeAsOneEntry() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("projects"));
        Files.writeString(tree.resolve("a.jsonl"), "a\n");
        Files.createSymbolicLink(tree.resolve("through"), outside);
        assertEquals("link:" + outside, Manifest.of(tree).entries().get("through"));
        assertFalse(Manifest.of(tree).entries().containsKey("through/keep.jsonl"));
        Entry.Data data = assertInstanceOf(Entry.Data.class, Observer.look(tree, true));
        assertEquals(2, data.files());
        assertEquals(2, data.bytes());
    }

    @Test
    void theObserverReadsALinkItemWithItsAbsoluteTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("projects"), Path.of("synced/projects"));
        Entry.Link seen = assertInstanceOf(Entry.Link.class, Observer.look(link, false));
        assertEquals(outside, seen.target());
        assertTrue(seen.targetExists());
    }
}
