package dev.tether.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** settings.json on a real disk: atomic replace, through a link that stays, never over a newer change. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links and POSIX modes on a real disk")
class SettingsFileTest {
    @TempDir
    Path tmp;

    @Test
    void aLinkedSettingsFileStaysALinkAndItsTargetGetsTheEdit() throws IOException {
        Path synced = Files.createDirectories(tmp.resolve("synced"));
        Path real = Files.writeString(synced.resolve("settings.json"), "{\n  \"model\": \"opus\"\n}\n");
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("claude")).resolve("settings.json"), real);
        SettingsFile file = new SettingsFile(link);
        SettingsFile.Read read = file.read();
        ObjectNode edited = ((SettingsFile.Read.Valid) read).settings().deepCopy();
        edited.put(Retention.KEY, Retention.KEEP_ALL);
        file.replace(read, edited, "run1");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(real, Files.readSymbolicLink(link));
        assertEquals("{\n  \"model\": \"opus\",\n  \"cleanupPeriodDays\": 36500\n}\n", Files.readString(real));
        try (var s = Files.list(synced)) {
            assertEquals(List.of(real), s.toList(), "no temporary file is left");
        }
    }

    @Test
    void theModeOfThePrivateFileIsKept() throws IOException {
        Path settings = Files.writeString(tmp.resolve("settings.json"), "{}");
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-------"));
        SettingsFile file = new SettingsFile(settings);
        SettingsFile.Read read = file.read();
        ObjectNode edited = ((SettingsFile.Read.Valid) read).settings().deepCopy().put("x", 1);
        file.replace(read, edited, "run1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(settings)));
        assertEquals("{\n  \"x\": 1\n}", Files.readString(settings), "no final newline where there was none");
    }

    @Test
    void aFileThatChangedSinceItWasReadIsNotReplaced() throws IOException {
        Path settings = Files.writeString(tmp.resolve("settings.json"), "{\"a\": 1}\n");
        SettingsFile file = new SettingsFile(settings);
        SettingsFile.Read read = file.read();
        Files.writeString(settings, "{\"a\": 1, \"b\": 2}\n");
        Files.setLastModifiedTime(settings, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        ObjectNode edited = ((SettingsFile.Read.Valid) read).settings().deepCopy().put(Retention.KEY, 36500);
        assertThrows(IOException.class, () -> file.replace(read, edited, "run1"));
        assertEquals("{\"a\": 1, \"b\": 2}\n", Files.readString(settings));
    }

    @Test
    void invalidJsonADanglingLinkAndNoFileReadAsSuch() throws IOException {
        Files.writeString(tmp.resolve("bad.json"), "{\"a\": 1,}");
        assertInstanceOf(SettingsFile.Read.Invalid.class, new SettingsFile(tmp.resolve("bad.json")).read());
        Files.createSymbolicLink(tmp.resolve("dangling.json"), tmp.resolve("gone.json"));
        assertInstanceOf(SettingsFile.Read.Invalid.class, new SettingsFile(tmp.resolve("dangling.json")).read());
        assertInstanceOf(SettingsFile.Read.Missing.class, new SettingsFile(tmp.resolve("none.json")).read());
    }
}
