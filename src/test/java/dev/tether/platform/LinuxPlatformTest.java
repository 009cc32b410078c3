package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code renameat2} and {@code statfs} for real, in temp dirs. */
@EnabledOnOs(OS.LINUX)
class LinuxPlatformTest {
    @TempDir
    Path dir;

    private final Platform linux = new LinuxPlatform();
    private Path source;

    @BeforeEach
    void aSourceFile() throws IOException {
        source = Files.writeString(dir.resolve("history.jsonl"), "{\"line\":1}\n");
    }

    @Test
    void aFileThatAppearedAtTheDestinationIsNeverOverwritten() throws IOException {
        Path dest = Files.writeString(dir.resolve("dest.jsonl"), "someone else's\n");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> linux.renameNoReplace(source, dest));
        assertEquals(dest.toString(), e.getFile());
        assertEquals("{\"line\":1}\n", Files.readString(source));
        assertEquals("someone else's\n", Files.readString(dest));
    }

    @Test
    void anEmptyDirectoryThatAppearedAtTheDestinationIsNotReplacedNorNestedInto() throws IOException {
        Path dest = Files.createDirectory(dir.resolve("dest"));
        assertThrows(FileAlreadyExistsException.class, () -> linux.renameNoReplace(source, dest));
        assertEquals("{\"line\":1}\n", Files.readString(source));
        try (var children = Files.list(dest)) {
            assertEquals(0, children.count());
        }
    }

    @Test
    void aDirectoryOntoANonEmptyDirectoryIsRefusedAndBothTreesKeepTheirBytes() throws IOException {
        Path from = Files.createDirectory(dir.resolve("projects"));
        Files.writeString(from.resolve("a.jsonl"), "mine\n");
        Path dest = Files.createDirectory(dir.resolve("synced-projects"));
        Files.writeString(dest.resolve("b.jsonl"), "theirs\n");
        assertThrows(FileAlreadyExistsException.class, () -> linux.renameNoReplace(from, dest));
        assertEquals("mine\n", Files.readString(from.resolve("a.jsonl")));
        assertEquals("theirs\n", Files.readString(dest.resolve("b.jsonl")));
        assertFalse(Files.exists(dest.resolve("projects")));
        assertFalse(Files.exists(dest.resolve("a.jsonl")));
    }

    @Test
    void aDanglingLinkAtTheDestinationCountsAsExisting() throws IOException {
        Path dest = Files.createSymbolicLink(dir.resolve("dest"), dir.resolve("nowhere"));
        assertThrows(FileAlreadyExistsException.class, () -> linux.renameNoReplace(source, dest));
        assertTrue(Files.isSymbolicLink(dest));
        assertTrue(Files.exists(source));
    }

    @Test
    void aFreeDestinationTakesTheSourceInOneStep() throws IOException {
        Path dest = dir.resolve("moved.jsonl");
        linux.renameNoReplace(source, dest);
        assertFalse(Files.exists(source, LinkOption.NOFOLLOW_LINKS));
        assertEquals("{\"line\":1}\n", Files.readString(dest));
    }

    @Test
    void aMissingSourceIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> linux.renameNoReplace(dir.resolve("gone"), dir.resolve("x")));
    }

    @Test
    void anExchangeSwapsAFileAndADirectory() throws IOException {
        Path tree = Files.createDirectory(dir.resolve("tree"));
        Files.writeString(tree.resolve("inside.txt"), "inside\n");
        linux.exchange(source, tree);
        assertTrue(Files.isDirectory(source));
        assertEquals("inside\n", Files.readString(source.resolve("inside.txt")));
        assertTrue(Files.isRegularFile(tree));
        assertEquals("{\"line\":1}\n", Files.readString(tree));
    }

    @Test
    void anExchangeSwapsALinkAndADirectorySoTheItemIsNeverMissing() throws IOException {
        Path synced = Files.createDirectories(dir.resolve("sync/.claude-session-backup/projects"));
        Files.writeString(synced.resolve("s.jsonl"), "session\n");
        Path item = Files.createDirectory(dir.resolve("projects"));
        Files.writeString(item.resolve("s.jsonl"), "session\n");
        Path link = Files.createSymbolicLink(dir.resolve(".projects.tether-aside"), synced);
        linux.exchange(link, item);
        assertTrue(Files.isSymbolicLink(item));
        assertEquals(synced, Files.readSymbolicLink(item));
        assertTrue(Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS));
        assertEquals("session\n", Files.readString(link.resolve("s.jsonl")));
    }

    @Test
    void anExchangeWithAMissingSideChangesNothing() {
        Path missing = dir.resolve("missing");
        assertThrows(NoSuchFileException.class, () -> linux.exchange(source, missing));
        assertTrue(Files.exists(source));
        assertFalse(Files.exists(missing, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void devShmIsTmpfs() throws IOException {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm), "no /dev/shm here");
        assertEquals("tmpfs", linux.filesystemType(shm));
    }

    @Test
    void tmpHasTheTypeTheMountTableNames() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String fromStatfs = linux.filesystemType(tmp);
        String fromMounts = Files.getFileStore(tmp).type();
        assertFalse(fromStatfs.startsWith("unknown"), fromStatfs);
        // ext2 and ext3 share ext4's magic, and FUSE mounts are listed as fuse.<name>
        Set<String> comparable = Set.of("ext4", "tmpfs", "btrfs", "xfs", "overlay", "zfs", "f2fs", "nfs", "9p");
        if (comparable.contains(fromMounts)) {
            assertEquals(fromMounts, fromStatfs);
        }
    }

    @Test
    void procIsRecognised() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        assertEquals("proc", linux.filesystemType(Path.of("/proc")));
    }

    @Test
    void statfsOfNothingIsAnErrorNotAGuess() {
        assertThrows(IOException.class, () -> linux.filesystemType(dir.resolve("missing")));
    }

    @Test
    void aNonAsciiNameRenamesLikeAnyOther() throws IOException {
        Path dest = dir.resolve("Zoë – ファイル.jsonl");
        linux.renameNoReplace(source, dest);
        assertArrayEquals("{\"line\":1}\n".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(dest));
    }
}
