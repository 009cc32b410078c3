package dev.tether.readonly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.DirEntry;
import dev.tether.platform.Platform;
import dev.tether.testing.TreeSnapshot;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The read-only view of the disk: every kind of write throws and changes nothing; reads work and stay read-only. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "uses POSIX modes and symbolic links on a real disk")
class ReadOnlyViewTest {
    @TempDir
    Path tmp;

    private FileSystem view;
    private Path dir;
    private Path file;
    private Path link;

    @BeforeEach
    void tree() throws IOException {
        Path real = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(real.resolve("history.jsonl"), "{\"display\":\"one\"}\n");
        Files.createSymbolicLink(real.resolve("link"), real.resolve("history.jsonl"));
        Files.createDirectories(real.resolve("projects"));
        view = ReadOnlyFileSystem.of(FileSystems.getDefault());
        dir = view.getPath(real.toString());
        file = dir.resolve("history.jsonl");
        link = dir.resolve("link");
    }

    @Test
    void everyKindOfWriteThrowsAndChangesNothing() throws IOException {
        TreeSnapshot before = TreeSnapshot.of(tmp);
        List<Executable> writes = List.of(
                () -> Files.createDirectory(dir.resolve("new")),
                () -> Files.createDirectories(dir.resolve("a/b")),
                () -> Files.createFile(dir.resolve("new.txt")),
                () -> Files.writeString(file, "x", StandardOpenOption.APPEND),
                () -> Files.writeString(dir.resolve("new.txt"), "x"),
                () -> Files.newOutputStream(file).close(),
                () -> Files.newByteChannel(file, StandardOpenOption.WRITE).close(),
                () -> Files.newByteChannel(file, StandardOpenOption.READ, StandardOpenOption.DELETE_ON_CLOSE).close(),
                () -> FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE).close(),
                () -> FileChannel.open(dir.resolve("new.txt"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close(),
                () -> Files.delete(file),
                () -> Files.deleteIfExists(file),
                () -> Files.deleteIfExists(dir.resolve("missing")),
                () -> Files.move(file, dir.resolve("moved.jsonl")),
                () -> Files.move(file, dir.resolve("moved.jsonl"), StandardCopyOption.ATOMIC_MOVE),
                () -> Files.copy(file, dir.resolve("copy.jsonl")),
                () -> Files.createSymbolicLink(dir.resolve("new-link"), file),
                () -> Files.createLink(dir.resolve("hard"), file),
                () -> Files.setLastModifiedTime(file, FileTime.fromMillis(0)),
                () -> Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------")),
                () -> Files.setAttribute(file, "basic:lastModifiedTime", FileTime.fromMillis(0)),
                () -> Files.getFileAttributeView(file, BasicFileAttributeView.class).setTimes(FileTime.fromMillis(0), null, null),
                () -> Files.getFileAttributeView(file, PosixFileAttributeView.class).setPermissions(
                        PosixFilePermissions.fromString("rwx------")),
                () -> Files.writeString(link, "through the link"),
                () -> Files.writeString(Files.readSymbolicLink(link), "through the link's target"),
                () -> Files.delete(dir.resolve("projects").getParent().resolve("history.jsonl")));
        for (Executable write : writes) {
            assertThrows(ReadOnlyFileSystemException.class, write);
        }
        assertEquals(before, TreeSnapshot.of(tmp));
    }

    @Test
    void readsWorkAndWhatTheyReturnIsReadOnlyToo() throws IOException {
        assertEquals("{\"display\":\"one\"}\n", Files.readString(file));
        assertArrayEquals(Files.readAllBytes(Path.of(file.toString())), Files.readAllBytes(file));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(file, Files.readSymbolicLink(link));
        assertEquals(file, link.toRealPath());
        assertTrue(Files.isSameFile(link, file));
        assertTrue(Files.isDirectory(dir.resolve("projects"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(Files.size(Path.of(file.toString())), Files.readAttributes(file,
                java.nio.file.attribute.BasicFileAttributes.class).size());
        List<Path> listed = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(listed::add);
        }
        assertEquals(3, listed.size());
        for (Path p : listed) {
            assertTrue(p.getFileSystem() == view, p + " should belong to the read-only view");
            assertThrows(ReadOnlyFileSystemException.class, () -> Files.deleteIfExists(p));
        }
        try (Stream<Path> s = Files.walk(dir)) {
            assertTrue(s.allMatch(p -> p.getFileSystem() == view));
        }
        assertTrue(file.getParent().getFileSystem() == view && file.toAbsolutePath().getFileSystem() == view);
    }

    @Test
    void thePlatformAnswersQuestionsAndRefusesItsWrites() throws IOException {
        Platform platform = ReadOnlyPlatform.of(Platform.current(), view);
        TreeSnapshot before = TreeSnapshot.of(tmp);
        assertThrows(ReadOnlyFileSystemException.class, () -> platform.renameNoReplace(file, dir.resolve("renamed")));
        assertThrows(ReadOnlyFileSystemException.class, () -> platform.exchange(file, dir.resolve("projects")));
        assertThrows(ReadOnlyFileSystemException.class, () -> platform.createLink(dir.resolve("l"), file));
        assertThrows(ReadOnlyFileSystemException.class, () -> platform.createLink(dir.resolve("l"), file, false));
        assertThrows(ReadOnlyFileSystemException.class, () -> platform.removeLink(link));
        assertEquals(file, platform.readLink(link).orElseThrow().target());
        assertTrue(platform.sameDevice(file, dir));
        List<DirEntry> entries = new ArrayList<>();
        try (DirectoryStream<DirEntry> s = platform.listDirectory(dir)) {
            s.forEach(entries::add);
        }
        assertEquals(3, entries.size());
        assertTrue(entries.stream().allMatch(e -> e.path().getFileSystem() == view));
        assertEquals(before, TreeSnapshot.of(tmp));
        assertEquals("{\"display\":\"one\"}\n", Files.readString(Path.of(file.toString()), StandardCharsets.UTF_8));
    }
}
