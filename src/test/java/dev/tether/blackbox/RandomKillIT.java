package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.apply.Manifest;
import dev.tether.apply.Trees;
import dev.tether.demo.SampleData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * safety.md: "the process killed ... at random moments of a long copy". A cross-device setup of a tree
 * with large files is killed with SIGKILL after a random delay; then setup finishes it, or (from an
 * identical interrupted state) unlink undoes it, and every file is byte-equal to the original.
 */
class RandomKillIT {
    private Path work;
    private Path shm;

    @BeforeEach
    void dirs() throws IOException {
        work = Files.createTempDirectory(Path.of("target"), "random-kill-").toAbsolutePath();
        shm = Files.createTempDirectory(Path.of("/dev/shm"), "tether-random-kill-");
    }

    @AfterEach
    void clean() throws IOException {
        Trees.deleteIfExists(work);
        Trees.deleteIfExists(shm);
    }

    @ParameterizedTest(name = "killed {0} ms after the plan was journaled, then setup and unlink recover")
    @ValueSource(ints = {0, 15, 40, 80, 150, 300, 600})
    void killAtARandomMomentIsRecoverableBothWays(int baseDelay) throws Exception {
        Path home = work.resolve("home");
        Path claude = home.resolve(".claude");
        SampleData.generate(claude, baseDelay, SampleData.Scale.SMALL);
        writeLargeSession(claude.resolve("projects").resolve("-home-me-big"), 4, 16 << 20, new Random(baseDelay));
        Map<String, Manifest> original = itemManifests(claude);
        Path root = shm.resolve("Sync");
        Files.createDirectories(root);

        Tether tether = new Tether(home);
        Process p = start(home, "setup", "--sync-root", root.toString(), "--yes");
        awaitPlanned(home, p);
        Thread.sleep(baseDelay + new Random(baseDelay).nextInt(10));
        p.destroyForcibly(); // SIGKILL, as a power cut or kill -9 would
        p.waitFor(1, TimeUnit.MINUTES);
        System.out.println("RandomKillIT: killed after " + baseDelay + " ms at: " + lastJournalStep(home));

        // Take a copy of the interrupted state for the unlink path, then finish it with setup.
        Path twin = work.resolve("twin");
        Path twinRoot = shm.resolve("twin-root");
        copyState(home, root, twin, twinRoot);

        // the user runs the same command again (a kill before the state was written leaves no recorded root)
        Tether.Result setup = tether.run("setup", "--sync-root", root.toString(), "--yes");
        assertEquals(0, setup.exitCode(), setup.toString());
        assertEquals(original, itemManifests(claude), "after setup finished the interrupted run");
        assertTrue(Files.isSymbolicLink(claude.resolve("projects")), "projects is linked");
        assertEquals(0, tether.run("verify").exitCode());
        assertNoLeftovers(home, root);

        Tether.Result unlink = new Tether(twin).run("unlink", "--yes");
        assertEquals(0, unlink.exitCode(), unlink.toString());
        Path twinClaude = twin.resolve(".claude");
        assertEquals(original, itemManifests(twinClaude), "after unlink undid the interrupted run");
        for (String item : original.keySet()) {
            assertTrue(!Files.isSymbolicLink(twinClaude.resolve(item)), item + " is a real local item again");
        }
        assertNoLeftovers(twin, twinRoot);
    }

    /** Waits until the run has journaled its plan: from then on it is moving data. */
    private static void awaitPlanned(Path home, Process p) throws IOException, InterruptedException {
        Path journal = home.resolve(".local/state/tether/journal.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(journal) && Files.readString(journal).contains("\"planned\"")) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("setup never journaled its plan");
    }

    private static String lastJournalStep(Path home) throws IOException {
        Path journal = home.resolve(".local/state/tether/journal.jsonl");
        if (!Files.exists(journal)) {
            return "(no journal yet)";
        }
        List<String> lines = Files.readAllLines(journal);
        if (lines.isEmpty()) {
            return "(empty journal)";
        }
        var last = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.get(lines.size() - 1));
        return last.path("step").asText() + " " + last.path("item").asText("(the run)");
    }

    private static Process start(Path home, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(Tether.program());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("HOME", home.toString());
        for (String unset : List.of("CLAUDE_CONFIG_DIR", "TETHER_STATE_DIR", "XDG_STATE_HOME", "TETHER_CRASH_AT")) {
            pb.environment().remove(unset);
        }
        return pb.start();
    }

    /**
     * Copies the interrupted state to a twin home and root: links that point into the old root are
     * re-pointed at the twin root, the state file and journal are rewritten to name the twin paths.
     */
    private static void copyState(Path home, Path root, Path twin, Path twinRoot) throws IOException, InterruptedException {
        new ProcessBuilder("cp", "-a", home.toString(), twin.toString()).inheritIO().start().waitFor();
        new ProcessBuilder("cp", "-a", root.toString(), twinRoot.toString()).inheritIO().start().waitFor();
        try (Stream<Path> s = Files.walk(twin)) {
            for (Path p : s.toList()) {
                if (Files.isSymbolicLink(p)) {
                    String target = Files.readSymbolicLink(p).toString();
                    Files.delete(p);
                    Files.createSymbolicLink(p, Path.of(rewrite(target, home, root, twin, twinRoot)));
                } else if (Files.isRegularFile(p) && (p.getFileName().toString().equals("state.json")
                        || p.getFileName().toString().equals("journal.jsonl"))) {
                    Files.writeString(p, rewrite(Files.readString(p), home, root, twin, twinRoot));
                }
            }
        }
    }

    private static String rewrite(String text, Path home, Path root, Path twin, Path twinRoot) {
        return text.replace(root.toString(), twinRoot.toString()).replace(home.toString(), twin.toString());
    }

    private static void writeLargeSession(Path dir, int files, int bytes, Random random) throws IOException {
        Files.createDirectories(dir);
        byte[] line = new byte[1024];
        for (int f = 0; f < files; f++) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("big-" + f + ".jsonl"))) {
                for (int written = 0; written < bytes; written += line.length) {
                    random.nextBytes(line);
                    for (int i = 0; i < line.length - 1; i++) {
                        line[i] = (byte) ('a' + (line[i] & 15));
                    }
                    line[line.length - 1] = '\n';
                    out.write(line);
                }
            }
        }
    }

    /** Each present item's manifest, reached through its link when it is one. */
    static Map<String, Manifest> itemManifests(Path claude) throws IOException {
        Map<String, Manifest> out = new TreeMap<>();
        for (String item : List.of("history.jsonl", "projects", "file-history", "tasks")) {
            Path p = claude.resolve(item);
            if (Files.exists(p)) {
                out.put(item, Manifest.of(p.toRealPath()));
            }
        }
        return out;
    }

    static void assertNoLeftovers(Path... roots) throws IOException {
        for (Path root : roots) {
            try (Stream<Path> s = Files.walk(root)) {
                List<Path> left = s.filter(p -> p.getFileName().toString().contains(".tether-")).toList();
                assertTrue(left.isEmpty(), "temporary names left behind: " + left);
            }
        }
    }
}
