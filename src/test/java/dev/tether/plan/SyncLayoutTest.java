package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SyncLayout#resolve}: the places of a setup run, and every unsafe layout it refuses with exit 2. */
class SyncLayoutTest {

    private static Failure.BadInput refused(Path claude, Path root, String folder, Path state) {
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> SyncLayout.resolve(claude, root, folder, state));
        assertEquals(2, e.exitCode());
        return e;
    }

    private static Failure.BadInput refused(World.Disk d, Path root) {
        return refused(d.claude(), root, SyncLayout.DEFAULT_FOLDER, d.state());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void resolvesTheSyncedFolderInsideTheRoot(World w) throws IOException {
        try (World.Disk d = w.open()) {
            SyncLayout layout = SyncLayout.resolve(d.claude(), d.root(), "my backup", d.state());
            assertEquals(d.claude().toRealPath(), layout.claudeDir());
            assertEquals(d.root().toRealPath(), layout.syncRoot());
            assertEquals(d.root().toRealPath().resolve("my backup"), layout.syncedFolder());
            assertEquals(d.state(), layout.stateDir());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void resolvesARootReachedThroughALinkToItsRealPath(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path alias = Files.createSymbolicLink(d.home().resolve("Drive"), d.root());
            SyncLayout layout = SyncLayout.resolve(d.claude(), alias, SyncLayout.DEFAULT_FOLDER, d.state());
            assertEquals(d.root().toRealPath(), layout.syncRoot());
            assertEquals(d.synced(), layout.syncedFolder());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void acceptsASiblingWhoseNameStartsLikeTheClaudeDir(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path sibling = Files.createDirectories(d.home().resolve(".claude-sync"));
            assertEquals(sibling.toRealPath(), SyncLayout.resolve(d.claude(), sibling, "f", d.state()).syncRoot());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesARootInsideTheClaudeDir(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path inside = Files.createDirectories(d.claude().resolve("Proton Drive"));
            assertTrue(refused(d, inside).getMessage().contains("is inside the Claude data dir"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesTheClaudeDirItselfAsTheRoot(World w) throws IOException {
        try (World.Disk d = w.open()) {
            refused(d, d.claude());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesARootInsideTheClaudeDirReachedThroughALink(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path inside = Files.createDirectories(d.claude().resolve("drive"));
            Path alias = Files.createSymbolicLink(d.home().resolve("Drive"), inside);
            assertTrue(refused(d, alias).getMessage().contains("is inside the Claude data dir"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesAClaudeDirInsideTheRoot(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Failure.BadInput e = refused(d, d.home());
            assertTrue(e.getMessage().contains("is inside the sync root"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesAMissingRoot(World w) throws IOException {
        try (World.Disk d = w.open()) {
            assertTrue(refused(d, d.home().resolve("No Such Drive")).getMessage().contains("does not exist"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesARootThatIsAFile(World w) throws IOException {
        try (World.Disk d = w.open()) {
            refused(d, d.write(d.home().resolve("drive.txt"), "x"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesAMissingClaudeDir(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Failure.BadInput e = refused(d.home().resolve(".claude-nowhere"), d.root(), SyncLayout.DEFAULT_FOLDER, d.state());
            assertTrue(e.getMessage().contains("no Claude data dir"), e.getMessage());
        }
    }

    static Stream<String> badFolders() {
        return Stream.of("", " ", ".", "..", "a/b", "a\\b", "/abs", "..\\up");
    }

    @ParameterizedTest(name = "--folder \"{0}\"")
    @MethodSource("badFolders")
    void refusesAFolderThatIsNotASingleName(String folder) throws IOException {
        try (World.Disk d = World.named("linux").open()) {
            assertTrue(refused(d.claude(), d.root(), folder, d.state()).getMessage().contains("--folder"));
        }
    }

    @Test
    void refusesANullFolder() throws IOException {
        try (World.Disk d = World.named("linux").open()) {
            refused(d.claude(), d.root(), null, d.state());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesAStateDirInsideTheRoot(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Failure.BadInput e = refused(d.claude(), d.root(), SyncLayout.DEFAULT_FOLDER, d.root().resolve("tether-state"));
            assertTrue(e.getMessage().contains("state dir"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesAnExistingStateDirThatIsReallyInsideTheRoot(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path real = Files.createDirectories(d.root().resolve("state"));
            Path alias = Files.createSymbolicLink(d.home().resolve("state-alias"), real);
            refused(d.claude(), d.root(), SyncLayout.DEFAULT_FOLDER, alias);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.World#all")
    void refusesASyncedFolderThatIsALink(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Path elsewhere = Files.createDirectories(d.home().resolve("elsewhere"));
            Files.createSymbolicLink(d.synced(), elsewhere);
            assertTrue(refused(d, d.root()).getMessage().contains("is a link"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.tether.plan.ObserverTest#caseInsensitiveWorlds")
    void onCaseInsensitiveDisksARootInsideTheClaudeDirSpelledInOtherCaseIsRefused(World w) throws IOException {
        try (World.Disk d = w.open()) {
            Files.createDirectories(d.claude().resolve("drive"));
            Path spelled = d.fs().getPath(d.claude().resolve("drive").toString().toUpperCase(Locale.ROOT));
            refused(d, spelled);
        }
    }

    @Test
    void onWindowsARootOnAnotherDriveIsNotInsideTheClaudeDir() throws IOException {
        try (World.Disk d = World.named("windows").open()) {
            SyncLayout layout = SyncLayout.resolve(d.claude(), d.fs().getPath("d:\\onedrive"), SyncLayout.DEFAULT_FOLDER, d.state());
            assertEquals("D:\\OneDrive\\.claude-session-backup", layout.syncedFolder().toString());
        }
    }
}
