package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How a walk decides "link, do not descend". A junction cannot be made on Linux, so its attributes (as
 * Java on Windows reports them: directory and other) and the native reader are stood in for.
 */
class LinksTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.windows());
    private final Path dir = fs.getPath("C:\\Users\\me\\.claude\\projects");
    private final Path target = fs.getPath("C:\\Users\\me\\Proton Drive\\.claude-session-backup\\projects");
    private final List<Path> asked = new ArrayList<>();

    private Links.JunctionReader junctionTo(Path t) {
        return p -> {
            asked.add(p);
            return Optional.of(t);
        };
    }

    @Test
    void aJunctionIsALinkWithItsTarget() throws IOException {
        assertTrue(Links.isLink(dir, Attrs.JUNCTION, junctionTo(target)));
        assertEquals(Optional.of(new Platform.Link(LinkKind.JUNCTION, target)), Links.read(dir, Attrs.JUNCTION, junctionTo(target)));
    }

    @Test
    void aDirectoryReparsePointOfAnotherKindIsAPlainDirectory() throws IOException {
        Links.JunctionReader cloudFolder = p -> Optional.empty(); // e.g. a Cloud Files placeholder folder
        assertFalse(Links.isLink(dir, Attrs.JUNCTION, cloudFolder));
        assertEquals(Optional.empty(), Links.read(dir, Attrs.JUNCTION, cloudFolder));
    }

    @Test
    void aDirectoryReparsePointThatCannotBeReadIsTreatedAsALinkSoNoWalkDescends() {
        Links.JunctionReader failing = p -> {
            throw new IOException("access denied");
        };
        assertTrue(Links.isLink(dir, Attrs.JUNCTION, failing));
    }

    @Test
    void plainFilesAndDirectoriesNeverCostANativeCall() {
        assertFalse(Links.isLink(dir, Attrs.DIRECTORY, junctionTo(target)));
        assertFalse(Links.isLink(dir, Attrs.FILE, junctionTo(target)));
        assertFalse(Links.isLink(dir, Attrs.OTHER_FILE, junctionTo(target))); // a file reparse point is not a junction
        assertTrue(asked.isEmpty());
    }

    @Test
    void aSymlinkIsReadThroughNioOnAnyFileSystem() throws IOException {
        Files.createDirectories(target);
        Files.createDirectories(dir.getParent());
        Files.createSymbolicLink(dir, target);
        assertTrue(Links.isLink(dir));
        assertEquals(Optional.of(new Platform.Link(LinkKind.SYMLINK, target)), Links.read(dir));
        assertEquals(Optional.empty(), Links.read(target));
        assertEquals(Optional.empty(), Links.read(dir.resolveSibling("missing")));
        assertFalse(Links.isLink(dir.resolveSibling("missing")));
    }

    /** Attributes as Java reports them on Windows. */
    private record Attrs(boolean isRegularFile, boolean isDirectory, boolean isSymbolicLink, boolean isOther)
            implements BasicFileAttributes {
        static final Attrs JUNCTION = new Attrs(false, true, false, true);
        static final Attrs DIRECTORY = new Attrs(false, true, false, false);
        static final Attrs FILE = new Attrs(true, false, false, false);
        static final Attrs OTHER_FILE = new Attrs(false, false, false, true);

        @Override
        public FileTime lastModifiedTime() {
            return FileTime.fromMillis(0);
        }

        @Override
        public FileTime lastAccessTime() {
            return FileTime.fromMillis(0);
        }

        @Override
        public FileTime creationTime() {
            return FileTime.fromMillis(0);
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public Object fileKey() {
            return null;
        }
    }
}
