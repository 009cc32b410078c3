package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Listings from {@code getdents64} against Java's own, on real temp dirs. */
@EnabledOnOs(OS.LINUX)
class LinuxDirentsTest {
    @TempDir
    Path dir;

    private final Platform linux = new LinuxPlatform();

    @Test
    void everyKindOfEntryHasTheNameAndTypeJavaSees() throws IOException {
        assumeTrue(LinuxDirents.usable(), "no getdents64 listing on this machine");
        Files.writeString(dir.resolve("a.jsonl"), "x");
        Files.createDirectories(dir.resolve("projects/deep"));
        Files.createDirectory(dir.resolve(".hidden"));
        Files.writeString(dir.resolve(".credentials.json"), "{}");
        Files.createFile(dir.resolve("empty"));
        Files.createSymbolicLink(dir.resolve("to-file"), dir.resolve("a.jsonl"));
        Files.createSymbolicLink(dir.resolve("to-dir"), dir.resolve("projects"));
        Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("nowhere"));
        boolean fifo = mkfifo(dir.resolve("pipe"));
        if ("UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            Files.writeString(dir.resolve("Zoë – ファイル.jsonl"), "x");
            Files.createDirectory(dir.resolve("répertoire"));
        }

        Map<String, DirEntry.Type> fromKernel = listed(dir);
        assertEquals(typesFromJava(dir), fromKernel);
        assertEquals(DirEntry.Type.SYMLINK, fromKernel.get("to-dir"));
        assertEquals(DirEntry.Type.SYMLINK, fromKernel.get("dangling"));
        assertEquals(DirEntry.Type.DIRECTORY, fromKernel.get("projects"));
        if (fifo) {
            assertEquals(DirEntry.Type.OTHER, fromKernel.get("pipe"));
        }
    }

    @Test
    void aFolderOfThousandsOfEntriesTakesSeveralReadsAndLosesNone() throws IOException {
        assumeTrue(LinuxDirents.usable(), "no getdents64 listing on this machine");
        // 3,000 records of about 120 bytes: more than five 64 KiB buffer-fulls
        String pad = "-".repeat(90);
        for (int i = 0; i < 3000; i++) {
            Path p = dir.resolve(String.format("%05d%s", i, pad));
            if (i % 10 == 0) {
                Files.createDirectory(p);
            } else {
                Files.createFile(p);
            }
        }
        Map<String, DirEntry.Type> fromKernel = listed(dir);
        assertEquals(3000, fromKernel.size());
        assertEquals(typesFromJava(dir), fromKernel);
    }

    @Test
    void anEmptyFolderHasNoEntries() throws IOException {
        assumeTrue(LinuxDirents.usable(), "no getdents64 listing on this machine");
        assertEquals(Map.of(), listed(dir));
    }

    @Test
    void aMissingFolderIsNoSuchFileAsWithJava() {
        assumeTrue(LinuxDirents.usable(), "no getdents64 listing on this machine");
        Path missing = dir.resolve("missing");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> LinuxDirents.list(missing));
        assertEquals(missing.toString(), e.getFile());
        assertEquals(message(() -> Files.newDirectoryStream(missing)), e.getMessage());
    }

    @Test
    void aFileIsNotADirectoryAsWithJava() throws IOException {
        assumeTrue(LinuxDirents.usable(), "no getdents64 listing on this machine");
        Path file = Files.writeString(dir.resolve("file"), "x");
        NotDirectoryException e = assertThrows(NotDirectoryException.class, () -> LinuxDirents.list(file));
        assertEquals(message(() -> Files.newDirectoryStream(file)), e.getMessage());
    }

    @Test
    void errnosBecomeTheExceptionsJavaThrows() {
        Path p = dir.resolve("x");
        assertInstanceOf(NoSuchFileException.class, LinuxDirents.error(2, p));
        assertInstanceOf(AccessDeniedException.class, LinuxDirents.error(13, p));
        assertInstanceOf(NotDirectoryException.class, LinuxDirents.openError(20, p));
        IOException eio = LinuxDirents.error(5, p);
        assertEquals(FileSystemException.class, eio.getClass());
        assertEquals(p + ": " + Libc.describe(5), eio.getMessage()); // strerror, as Java words it
    }

    @Test
    void aNameThatIsNotValidInTheCharsetIsListedByJava() throws IOException, InterruptedException {
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
        Files.createDirectory(dir.resolve("ok"));
        // \377 is never valid UTF-8: Java keeps such a name as its bytes, which a String cannot carry
        assumeTrue(shell("mkdir \"$(printf 'bad\\377dir')\" && touch \"$(printf 'bad\\377dir/inside')\""), "no shell");
        assertNull(LinuxDirents.list(dir));
        Map<String, DirEntry.Type> seen = new TreeMap<>();
        Path bad = null;
        try (DirectoryStream<DirEntry> entries = linux.listDirectory(dir)) {
            for (DirEntry e : entries) {
                seen.put(e.path().getFileName().toString(), e.type());
                if (!e.path().getFileName().toString().equals("ok")) {
                    bad = e.path();
                }
            }
        }
        assertEquals(2, seen.size());
        assertNotNull(bad);
        // and the folder with the invalid name is listed by Java too: its String would name another folder
        assertNull(LinuxDirents.list(bad));
        try (DirectoryStream<DirEntry> inside = linux.listDirectory(bad)) {
            assertEquals("inside", inside.iterator().next().path().getFileName().toString());
        }
    }

    @Test
    void anotherFileSystemIsListedByJava() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path root = Files.createDirectories(fs.getPath("/synced"));
            Files.writeString(root.resolve("a"), "x");
            assertNull(LinuxDirents.list(root));
            try (DirectoryStream<DirEntry> entries = linux.listDirectory(root)) {
                DirEntry only = entries.iterator().next();
                assertEquals(root.resolve("a"), only.path());
                assertEquals(DirEntry.Type.UNKNOWN, only.type());
            }
        }
    }

    @Test
    void theOpenFlagsOfEachMachine() {
        assertEquals(0200000 | 02000000, LinuxDirents.openFlags("amd64"));
        assertEquals(040000 | 02000000, LinuxDirents.openFlags("aarch64"));
        assertEquals(0, LinuxDirents.openFlags("riscv64"));
    }

    private Map<String, DirEntry.Type> listed(Path folder) throws IOException {
        Map<String, DirEntry.Type> out = new TreeMap<>();
        DirectoryStream<DirEntry> read = LinuxDirents.list(folder);
        assertNotNull(read, "read through getdents64");
        try (read) {
            for (DirEntry e : read) {
                assertEquals(folder, e.path().getParent());
                assertTrue(Files.exists(e.path(), LinkOption.NOFOLLOW_LINKS), e.path().toString());
                out.put(e.path().getFileName().toString(), e.type());
            }
        }
        return out;
    }

    private static Map<String, DirEntry.Type> typesFromJava(Path folder) throws IOException {
        Map<String, DirEntry.Type> out = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                DirEntry.Type t = a.isDirectory() ? DirEntry.Type.DIRECTORY
                        : a.isRegularFile() ? DirEntry.Type.FILE
                        : a.isSymbolicLink() ? DirEntry.Type.SYMLINK : DirEntry.Type.OTHER;
                out.put(p.getFileName().toString(), t);
            }
        }
        return out;
    }

    private interface Opening {
        void open() throws IOException;
    }

    private static String message(Opening opening) {
        return assertThrows(IOException.class, opening::open).getMessage();
    }

    private static boolean mkfifo(Path p) {
        try {
            Process proc = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
            return proc.waitFor(10, TimeUnit.SECONDS) && proc.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private boolean shell(String script) throws InterruptedException {
        try {
            Process proc = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).inheritIO().start();
            return proc.waitFor(10, TimeUnit.SECONDS) && proc.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
