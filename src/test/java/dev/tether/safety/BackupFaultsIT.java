package dev.tether.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.ArchiveFiles;
import dev.tether.testing.Privileges;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} under real faults: the archive's file system full (a 1 MiB tmpfs), the archive on another file
 * system, another backup holding the archive's lock, an archive inside the Claude data dir or a linked item, a
 * live file the user cannot read (run as an unprivileged user).
 */
class BackupFaultsIT {
    @TempDir
    Path tmp;

    private Sandbox s;
    private Path mounted;

    @AfterEach
    void close() throws IOException {
        if (mounted != null) {
            Privileges.run("umount", mounted.toString());
        }
        if (s != null) {
            s.close();
        }
    }

    private Tether.Result backup(Path archive) {
        return new Tether(s.home).run("backup", "--archive", archive.toString());
    }

    @Test
    void aFullArchiveFileSystemFailsWithExit4AndLeavesTheArchiveAsItWas() throws IOException {
        Privileges.assumeRoot();
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(7);
        Path archive = Files.createDirectories(tmp.resolve("archive"));
        Privileges.run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", archive.toString());
        mounted = archive;
        assertEquals(0, backup(archive).exitCode());
        Map<String, byte[]> before = ArchiveFiles.decompressed(archive);
        byte[] noise = new byte[3 << 20]; // incompressible: more than the file system holds
        new Random(7).nextBytes(noise);
        Files.write(Files.createDirectories(s.claude.resolve("file-history").resolve("big")).resolve("snapshot@v1"), noise);
        Tether.Result r = backup(archive);
        assertEquals(4, r.exitCode(), r::toString);
        assertTrue(r.stderr().contains("disk is full"), r::toString);
        assertEquals(before.keySet(), ArchiveFiles.decompressed(archive).keySet());
        ArchiveFiles.decompressed(archive).forEach((k, v) -> assertArrayEquals(before.get(k), v, k));
        assertEquals(java.util.Set.of(), ArchiveFiles.leftovers(archive));
    }

    @Test
    void anArchiveOnAnotherFileSystemWorks() throws IOException {
        s = Sandbox.create(tmp.resolve("sandbox"), Device.CROSS).generate(8);
        Path archive = s.syncRoot.getParent().resolve("archive-on-shm");
        Tether.Result r = backup(archive);
        assertEquals(0, r.exitCode(), r::toString);
        Map<String, byte[]> archived = ArchiveFiles.decompressed(archive);
        ArchiveFiles.liveTranscripts(s.claude).forEach((k, v) -> assertArrayEquals(v, archived.get(k), k));
    }

    @Test
    void aHeldLockRefusesWithExit3() throws IOException {
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(9);
        Path archive = tmp.resolve("archive");
        assertEquals(0, backup(archive).exitCode());
        Path lockFile = archive.resolve(".tether-archive").resolve("lock");
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
            Tether.Result r = backup(archive);
            assertEquals(3, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains("lock"), r::toString);
        }
    }

    @Test
    void anArchiveInsideTheClaudeDirOrALinkedItemIsRefusedWithExit2() throws IOException {
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(10);
        Tether.Result inside = backup(s.claude.resolve("archive"));
        assertEquals(2, inside.exitCode(), inside::toString);
        assertFalse(Files.exists(s.claude.resolve("archive")));
        Tether.Result setup = new Tether(s.home).run("setup", "--sync-root", s.syncRoot.toString(), "--yes", "--allow-running");
        assertEquals(0, setup.exitCode(), setup::toString);
        Path inItem = s.synced.resolve("projects").resolve("archive");
        Tether.Result linked = backup(inItem);
        assertEquals(2, linked.exitCode(), linked::toString);
        assertFalse(Files.exists(inItem));
    }

    @Test
    void anUnreadableLiveFileIsReportedAndTheRestArchivedWithExit4() throws Exception {
        Privileges.assumeRunuser();
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(11);
        Path unreadable = ArchiveFiles.liveTranscripts(s.claude).keySet().stream().filter(k -> k.startsWith("projects/"))
                .map(s.claude::resolve).findFirst().orElseThrow();
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        Path archive = tmp.resolve("archive");
        try (Privileges.AsNobody nobody = Privileges.asNobody(tmp, s)) {
            Files.createDirectories(archive);
            Privileges.chownTree(archive, Privileges.NOBODY);
            Tether.Result r = nobody.tether().run("backup", "--archive", archive.toString());
            assertEquals(4, r.exitCode(), r::toString);
            assertTrue(r.stderr().contains(s.claude.relativize(unreadable).toString().replace('\\', '/')), r::toString);
            Map<String, byte[]> archived = ArchiveFiles.decompressed(archive);
            for (Map.Entry<String, byte[]> live : ArchiveFiles.liveTranscripts(s.claude).entrySet()) {
                if (!s.claude.resolve(live.getKey()).equals(unreadable)) {
                    assertArrayEquals(live.getValue(), archived.get(live.getKey()), live.getKey());
                }
            }
        }
    }
}
