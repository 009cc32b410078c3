package dev.tether.safety;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.blackbox.Tether;
import dev.tether.testing.ArchiveFiles;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The crash protocol for {@code backup}: the packaged tether stopped dead ({@code TETHER_CRASH_AT}) right after
 * each step its journal records, in a first backup and in an incremental one, and killed ({@code kill -9}) at
 * random moments of a long one. The archive must hold every line it held before the crash, the next backup must
 * finish, and then the archive holds every live line, each transcript that only grew exactly its bytes, with no
 * partial or repeated member and no temporary file left.
 */
class BackupCrashIT {
    static final List<String> STEPS = List.of("planned", "archived", "indexed", "committed");

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

    private Tether tether() {
        return new Tether(s.home);
    }

    private Tether.Result backup(Tether t) {
        return t.run("backup", "--archive", archive.toString());
    }

    private void sandbox(long seed) throws IOException {
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(seed);
        archive = tmp.resolve("archive");
    }

    /** New lines in every transcript, a new session, a changed snapshot: work for an incremental backup. */
    private void claudeCodeWorks(Random r) throws IOException {
        for (String rel : ArchiveFiles.liveTranscripts(s.claude).keySet()) {
            Files.writeString(s.claude.resolve(rel), "{\"type\":\"user\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"n\":"
                    + r.nextInt() + "}\n", StandardOpenOption.APPEND);
        }
        Path project;
        try (Stream<Path> list = Files.list(s.claude.resolve("projects"))) {
            project = list.sorted().findFirst().orElseThrow();
        }
        Files.writeString(project.resolve("0000fresh-0000-4000-8000-000000000000.jsonl"),
                "{\"type\":\"user\",\"timestamp\":\"2026-12-02T10:00:00Z\",\"message\":{\"content\":\"new\"}}\n");
    }

    /** After a finished backup: every live transcript's archive is exactly its bytes (they only grew), nothing left over. */
    private void assertArchiveComplete() throws IOException {
        Map<String, byte[]> archived = ArchiveFiles.decompressed(archive);
        for (Map.Entry<String, byte[]> live : ArchiveFiles.liveTranscripts(s.claude).entrySet()) {
            assertTrue(archived.containsKey(live.getKey()), () -> live.getKey() + " is not in the archive");
            assertArrayEquals(live.getValue(), archived.get(live.getKey()),
                    live.getKey() + ": a transcript that only grew must be archived as exactly its bytes");
        }
        assertEquals(Set.of(), ArchiveFiles.leftovers(archive), "temporary files left in the archive");
    }

    /** Every line the archive held before is still there. */
    private static void assertKeepsEveryLine(Map<String, byte[]> before, Map<String, byte[]> after) {
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            assertTrue(after.containsKey(e.getKey()), () -> e.getKey() + " vanished from the archive");
            assertTrue(ArchiveFiles.lines(after.get(e.getKey())).containsAll(ArchiveFiles.lines(e.getValue())),
                    () -> e.getKey() + " lost archived lines");
        }
    }

    @ParameterizedTest(name = "first backup killed at {0}")
    @MethodSource("steps")
    void aFirstBackupKilledAtAnyStepIsFinishedByTheNext(String step) throws IOException {
        sandbox(step.hashCode());
        Tether.Result killed = backup(tether().env("TETHER_CRASH_AT", step));
        assertEquals(137, killed.exitCode(), killed::toString);
        Tether.Result next = backup(tether());
        assertEquals(0, next.exitCode(), next::toString);
        assertArchiveComplete();
    }

    @ParameterizedTest(name = "incremental backup killed at {0}")
    @MethodSource("steps")
    void anIncrementalBackupKilledAtAnyStepLosesNoArchivedLine(String step) throws IOException {
        sandbox(step.hashCode() + 1);
        assertEquals(0, backup(tether()).exitCode());
        Map<String, byte[]> before = ArchiveFiles.decompressed(archive);
        claudeCodeWorks(new Random(step.hashCode()));
        Tether.Result killed = backup(tether().env("TETHER_CRASH_AT", step));
        assertEquals(137, killed.exitCode(), killed::toString);
        assertKeepsEveryLine(before, ArchiveFiles.decompressed(archive));
        Tether.Result next = backup(tether());
        assertEquals(0, next.exitCode(), next::toString);
        assertKeepsEveryLine(before, ArchiveFiles.decompressed(archive));
        assertArchiveComplete();
        Tether.Result again = backup(tether());
        assertEquals(0, again.exitCode(), again::toString);
        assertTrue(again.stdout().contains("0 file(s)"), () -> "a backup right after adds nothing:\n" + again);
    }

    static Stream<String> steps() {
        return STEPS.stream();
    }

    @ParameterizedTest(name = "killed after {0} ms")
    @ValueSource(ints = {40, 150, 400, 900})
    void aLongBackupKilledAtARandomMomentIsFinishedByTheNext(int millis) throws Exception {
        sandbox(millis);
        Random r = new Random(millis);
        Path project = Files.createDirectories(s.claude.resolve("projects").resolve("-home-me-big"));
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 64; i++) {
            line.append(Long.toHexString(r.nextLong()));
        }
        for (int round = 0; round < 2; round++) { // the second round is what the killed backup archives
            for (int f = 0; f < 60; f++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 300; i++) {
                    text.append("{\"type\":\"assistant\",\"n\":").append(i).append(",\"x\":\"").append(line)
                            .append(r.nextInt()).append("\"}\n");
                }
                Files.writeString(project.resolve(String.format("%08x-0000-4000-8000-000000000000.jsonl", f)), text,
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            if (round == 0) {
                assertEquals(0, backup(tether()).exitCode());
            }
        }
        Map<String, byte[]> before = ArchiveFiles.decompressed(archive);
        claudeCodeWorks(r);
        List<String> cmd = new ArrayList<>(Tether.program());
        cmd.addAll(List.of("backup", "--archive", archive.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("TETHER_") || k.startsWith("XDG_") || k.equals("CLAUDE_CONFIG_DIR"));
        pb.environment().put("HOME", s.home.toString());
        Process p = pb.start();
        Thread.sleep(millis);
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertKeepsEveryLine(before, ArchiveFiles.decompressed(archive));
        Tether.Result next = backup(tether());
        assertEquals(0, next.exitCode(), next::toString);
        assertArchiveComplete();
    }
}
