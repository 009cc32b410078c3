package dev.tether.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyFilesystemsTest {
    @TempDir
    Path home;

    @Test
    void verboseVerifyNamesTheFileSystemOfTheClaudeDir() throws IOException {
        Path claude = Files.createDirectories(home.resolve(".claude"));
        Tether.Result run = InProcess.run(home, "verify", "-v");
        String expected = "file system of " + claude + ": " + Platform.current().filesystemType(claude);
        assertTrue(run.stderr().contains(expected), run.toString());
    }

    @Test
    void withoutVerboseItSaysNothingAboutFileSystems() throws IOException {
        Files.createDirectories(home.resolve(".claude"));
        assertFalse(InProcess.run(home, "verify").stderr().contains("file system of"));
    }
}
