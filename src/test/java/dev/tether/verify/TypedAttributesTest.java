package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.DirEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Types from the listing; the rest from the file system, on first use. */
class TypedAttributesTest {
    @TempDir
    Path dir;

    @Test
    void theTypeIsTheListingsAndNeedsNoFile() {
        Path gone = dir.resolve("gone");
        TypedAttributes link = new TypedAttributes(gone, DirEntry.Type.SYMLINK);
        assertTrue(link.isSymbolicLink());
        assertFalse(link.isDirectory() || link.isRegularFile() || link.isOther());
        assertTrue(new TypedAttributes(gone, DirEntry.Type.DIRECTORY).isDirectory());
        assertTrue(new TypedAttributes(gone, DirEntry.Type.FILE).isRegularFile());
        assertTrue(new TypedAttributes(gone, DirEntry.Type.OTHER).isOther());
    }

    @Test
    void sizeTimesAndKeyAreTheEntrysOwnLinksNotFollowed() throws IOException {
        Path file = Files.writeString(dir.resolve("f.jsonl"), "twelve bytes");
        Path link = Files.createSymbolicLink(dir.resolve("link"), file);
        BasicFileAttributes real = Files.readAttributes(link, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        TypedAttributes typed = new TypedAttributes(link, DirEntry.Type.SYMLINK);
        assertEquals(real.size(), typed.size());
        assertEquals(real.lastModifiedTime(), typed.lastModifiedTime());
        assertEquals(real.fileKey(), typed.fileKey());
        assertEquals(12, new TypedAttributes(file, DirEntry.Type.FILE).size());
    }

    @Test
    void anEntryGoneSinceItsFolderWasReadHasNoSize() {
        TypedAttributes gone = new TypedAttributes(dir.resolve("gone"), DirEntry.Type.FILE);
        assertThrows(UncheckedIOException.class, gone::size);
    }

    @Test
    void anUnknownTypeIsNotTyped() {
        assertThrows(IllegalArgumentException.class, () -> new TypedAttributes(dir, DirEntry.Type.UNKNOWN));
    }
}
