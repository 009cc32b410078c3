package dev.tether.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.ArchiveFiles;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crash protocol for {@code restore}: stopped dead right after each step its journal records, while it
 * puts two deleted sessions back and unites a third with its archive. No live line may be lost at any point;
 * the next {@code restore} cleans up and finishes; then the deleted sessions are back byte for byte, the
 * third holds the lines of both, and no temporary file is left.
 */
class RestoreCrashIT {
    @TempDir
    Path tmp;

    private Sandbox s;
    private Path archive;

    @AfterEach
    void close() throws IOException {
        if (s != null) {
            s.close();
        }
    }

    private Tether.Result run(Tether t, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--archive", archive.toString()));
        return t.run(all.toArray(String[]::new));
    }

    @ParameterizedTest(name = "restore killed at {0}")
    @ValueSource(strings = {"planned", "copied", "verified", "placed", "committed"})
    void aRestoreKilledAtAnyStepLosesNoLiveLineAndIsFinishedByTheNext(String step) throws IOException {
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(step.hashCode());
        archive = tmp.resolve("archive");
        Tether tether = new Tether(s.home);
        assertEquals(0, run(tether, "backup").exitCode());
        Map<String, byte[]> archived = ArchiveFiles.decompressed(archive);
        List<String> sessions = ArchiveFiles.liveTranscripts(s.claude).keySet().stream()
                .filter(rel -> rel.startsWith("projects/") && rel.split("/").length == 3).sorted().toList();
        assertTrue(sessions.size() >= 3, "the sandbox should have three sessions");
        Files.delete(s.claude.resolve(sessions.get(0)));
        Files.delete(s.claude.resolve(sessions.get(1)));
        Path rewritten = s.claude.resolve(sessions.get(2));
        List<String> lines = Files.readAllLines(rewritten);
        List<String> kept = new ArrayList<>(lines.subList(Math.min(3, lines.size()), lines.size()));
        kept.add("{\"type\":\"user\",\"timestamp\":\"2026-12-05T10:00:00Z\",\"message\":{\"content\":\"only live\"}}");
        Files.write(rewritten, kept);
        Map<String, byte[]> liveBefore = ArchiveFiles.liveTranscripts(s.claude);

        Tether.Result killed = run(tether.env("TETHER_CRASH_AT", step), "restore", "--all", "--yes", "--allow-running", "--touch");
        assertEquals(137, killed.exitCode(), killed::toString);
        Map<String, byte[]> liveAfterCrash = ArchiveFiles.liveTranscripts(s.claude);
        for (Map.Entry<String, byte[]> e : liveBefore.entrySet()) {
            assertTrue(ArchiveFiles.lines(liveAfterCrash.get(e.getKey())).containsAll(ArchiveFiles.lines(e.getValue())),
                    () -> e.getKey() + " lost live lines in the killed restore");
        }

        Tether.Result next = run(new Tether(s.home), "restore", "--all", "--yes", "--allow-running", "--touch");
        assertEquals(0, next.exitCode(), next::toString);
        assertArrayEquals(archived.get(sessions.get(0)), Files.readAllBytes(s.claude.resolve(sessions.get(0))));
        assertArrayEquals(archived.get(sessions.get(1)), Files.readAllBytes(s.claude.resolve(sessions.get(1))));
        Set<String> united = ArchiveFiles.lines(Files.readAllBytes(rewritten));
        assertTrue(united.containsAll(ArchiveFiles.lines(archived.get(sessions.get(2)))), "the archive's lines are back");
        assertTrue(united.containsAll(ArchiveFiles.lines(liveBefore.get(sessions.get(2)))), "the live lines stay");
        assertEquals(Set.of(), ArchiveFiles.leftovers(s.claude), "temporary files left in the Claude data dir");
        assertTrue(!Files.exists(s.stateDir().resolve("restore-tmp")), "temporary copies left in the state dir");
    }
}
