package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The archive against a simple model, over random sequences of what happens to live files (append, rewrite
 * through a temporary file, truncate in place, delete, new file, binary change) mixed with backups and
 * restores. After every backup: no line and no file content seen at any backup is missing from the archive;
 * no line appears more often than the live file ever held it; a transcript that only grew decompresses to
 * exactly its bytes; every archive reads with the JDK's GZIPInputStream, and at the end with {@code zcat}.
 * After every restore: every live line is still there, and every archived line of a restored session too.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "uses zcat and POSIX file identities")
class ArchiveModelTest {
    private static final int SEEDS = Integer.getInteger("tether.modelSeeds", 300);
    private static final int STEPS = 24;

    @TempDir
    Path tmp;

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(SEEDS);
    }

    /** What the model knows of one live file. */
    private static final class Known {
        /** Transcripts: every line seen at a backup (a last line still being written included), and the most times each appeared at once. */
        final Map<String, Integer> maxCount = new HashMap<>();
        /** Transcripts: every complete line seen at a backup, which the archive must hold. */
        final Set<String> required = new HashSet<>();
        /** Other files: every content seen at a backup. */
        final Set<String> contents = new HashSet<>();
        /** A transcript that only grew since its first backup; its bytes at the last backup. */
        boolean onlyGrew = true;
        byte[] lastBacked;
    }

    private Path claude;
    private Path archive;
    private long clock = 1_700_000_000_000L;
    private final Map<String, Known> known = new TreeMap<>();

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noLineNorContentIsEverLostOrRepeated(long seed) throws IOException, InterruptedException {
        Random r = new Random(seed);
        Path home = tmp.resolve("home");
        claude = Files.createDirectories(home.resolve(".claude"));
        archive = tmp.resolve("archive");
        List<String> files = new ArrayList<>(List.of("projects/-k/s1.jsonl", "projects/-k/s2.jsonl", "history.jsonl",
                "file-history/s1/a@v1", "projects/-k/s1/subagents/agent-1.jsonl"));
        for (String f : files.subList(0, 2)) {
            write(f, lines(r, 1 + r.nextInt(4)), false);
        }
        for (int step = 0; step < STEPS; step++) {
            String f = files.get(r.nextInt(files.size()));
            switch (r.nextInt(10)) {
                case 0, 1 -> append(f, r);
                case 2 -> rewrite(f, r);
                case 3 -> truncate(f, r);
                case 4 -> delete(f);
                case 5 -> {
                    String fresh = r.nextBoolean() ? "projects/-k/n" + step + ".jsonl" : "file-history/s2/b" + step + "@v1";
                    files.add(fresh);
                    append(fresh, r);
                }
                case 6 -> binary(f, r);
                case 7 -> restore(home);
                default -> backup(home);
            }
        }
        backup(home);
        zcatAgrees();
    }

    private static String lines(Random r, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String word = switch (r.nextInt(4)) {
                case 0 -> "same line";
                case 1 -> "Ünïcode ✓ " + r.nextInt(5);
                default -> "line " + r.nextInt(1000);
            };
            out.append("{\"type\":\"user\",\"text\":\"").append(word).append("\"}\n");
        }
        return out.toString();
    }

    private Path live(String rel) {
        return claude.resolve(rel);
    }

    private void write(String rel, String text, boolean append) throws IOException {
        Path p = live(rel);
        Files.createDirectories(p.getParent());
        if (append) {
            Files.writeString(p, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            Files.writeString(p, text, StandardCharsets.UTF_8);
        }
        tick(p);
    }

    /** Every change gets a later modification time, as a clock that moves on would give it. */
    private void tick(Path p) throws IOException {
        clock += 1000;
        Files.setLastModifiedTime(p, FileTime.fromMillis(clock));
    }

    private void append(String rel, Random r) throws IOException {
        if (rel.endsWith(".jsonl")) {
            String text = lines(r, 1 + r.nextInt(3));
            if (r.nextInt(6) == 0) {
                text = text.substring(0, text.length() - 1); // a line still being written
            }
            write(rel, text, true);
        } else {
            binary(rel, r);
        }
    }

    /** A new file (new inode) put in place by a rename: some old lines kept, some new. */
    private void rewrite(String rel, Random r) throws IOException {
        Path p = live(rel);
        if (!Files.exists(p) || !rel.endsWith(".jsonl")) {
            append(rel, r);
            return;
        }
        List<String> old = Files.readAllLines(p, StandardCharsets.ISO_8859_1);
        StringBuilder text = new StringBuilder();
        for (String line : old) {
            if (r.nextInt(3) > 0) {
                text.append(line).append('\n');
            }
        }
        text.append(new String(lines(r, r.nextInt(3)).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        Path tmpFile = p.resolveSibling(p.getFileName() + ".tmp");
        Files.writeString(tmpFile, text, StandardCharsets.ISO_8859_1);
        Files.move(tmpFile, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        tick(p);
    }

    /** Cut in place (same inode) to a random length, sometimes with new lines after. */
    private void truncate(String rel, Random r) throws IOException {
        Path p = live(rel);
        if (!Files.exists(p)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(p);
        try (var ch = java.nio.channels.FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.truncate(bytes.length == 0 ? 0 : r.nextInt(bytes.length));
        }
        if (r.nextBoolean() && rel.endsWith(".jsonl")) {
            Files.writeString(p, lines(r, 1 + r.nextInt(2)), StandardOpenOption.APPEND);
        }
        tick(p);
    }

    private void delete(String rel) throws IOException {
        Files.deleteIfExists(live(rel));
    }

    private void binary(String rel, Random r) throws IOException {
        if (rel.endsWith(".jsonl")) {
            append(rel, r);
            return;
        }
        byte[] bytes = new byte[r.nextInt(300)];
        r.nextBytes(bytes);
        Path p = live(rel);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        tick(p);
    }

    private Tether.Result tether(Path home, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--archive");
        all.add(archive.toString());
        return InProcess.run(home, all.toArray(String[]::new));
    }

    private void backup(Path home) throws IOException {
        Map<String, byte[]> before = liveFiles();
        Tether.Result r = tether(home, "backup");
        assertEquals(0, r.exitCode(), r::toString);
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            Known k = known.computeIfAbsent(e.getKey(), x -> new Known());
            if (e.getKey().endsWith(".jsonl")) {
                counts(e.getValue(), true).forEach((line, n) -> k.maxCount.merge(line, n, Math::max));
                k.required.addAll(counts(e.getValue(), false).keySet());
                if (k.lastBacked != null && !startsWith(e.getValue(), k.lastBacked)) {
                    k.onlyGrew = false;
                }
                k.lastBacked = e.getValue();
            } else {
                k.contents.add(new String(e.getValue(), StandardCharsets.ISO_8859_1));
            }
        }
        check();
    }

    private void check() throws IOException {
        for (Map.Entry<String, Known> e : known.entrySet()) {
            String rel = e.getKey();
            Known k = e.getValue();
            if (rel.endsWith(".jsonl")) {
                byte[] archived = gunzip(archive.resolve(rel + ".gz"));
                Map<String, Integer> counts = counts(archived, true);
                for (String line : k.required) {
                    assertTrue(counts.containsKey(line), () -> rel + ": the archive lost the line " + line);
                }
                counts.forEach((line, n) -> assertTrue(n <= k.maxCount.getOrDefault(line, 1),
                        () -> rel + ": the archive repeats " + line + " " + n + " times"));
                if (k.onlyGrew) {
                    assertArrayEquals(k.lastBacked, archived, rel + " only grew, so its archive must be exactly its bytes");
                }
            } else {
                Set<String> kept = new HashSet<>();
                for (int n = 1; Files.exists(version(rel, n)); n++) {
                    String content = new String(gunzip(version(rel, n)), StandardCharsets.ISO_8859_1);
                    assertTrue(kept.add(content), () -> rel + ": the same content is kept twice");
                }
                assertTrue(kept.containsAll(k.contents), () -> rel + ": a content seen at a backup is not kept");
            }
        }
    }

    private Path version(String rel, int n) {
        return archive.resolve(n == 1 ? rel + ".gz" : rel + ".~" + n + "~.gz");
    }

    private void restore(Path home) throws IOException {
        if (!Files.isDirectory(archive)) {
            return;
        }
        Map<String, byte[]> before = liveFiles();
        Tether.Result r = tether(home, "restore", "--all", "--touch", "--yes");
        assertTrue(r.exitCode() == 0 || r.stderr().contains("say which"), r::toString);
        Map<String, byte[]> after = liveFiles();
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            if (e.getKey().endsWith(".jsonl")) {
                Set<String> now = counts(after.get(e.getKey()), true).keySet();
                assertTrue(now.containsAll(counts(e.getValue(), true).keySet()), () -> e.getKey() + " lost live lines in the restore");
            } else {
                assertArrayEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " was overwritten by the restore");
            }
        }
        for (Map.Entry<String, byte[]> e : after.entrySet()) {
            Path gz = archive.resolve(e.getKey() + ".gz");
            if (e.getKey().startsWith("projects/") && e.getKey().endsWith(".jsonl") && Files.exists(gz) && !before.containsKey(e.getKey())) {
                assertArrayEquals(gunzip(gz), e.getValue(), e.getKey() + " was put back with other bytes than the archive's");
            }
        }
        for (String rel : after.keySet()) {
            tick(live(rel));
        }
    }

    private Map<String, byte[]> liveFiles() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(claude)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = claude.relativize(p).toString();
                if (!rel.contains(".tether-") && !rel.endsWith(".tmp")) {
                    out.put(rel, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /**
     * The complete lines and how often each occurs. A last line without its line end is one still being
     * written, not a line yet: its bytes are kept (a file that only grew is checked byte for byte), and the
     * line counts once it is complete.
     */
    private static Map<String, Integer> counts(byte[] bytes, boolean withUnfinished) {
        Map<String, Integer> out = new HashMap<>();
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = withUnfinished ? text.length() : text.lastIndexOf('\n') + 1;
        for (String line : text.substring(0, end).split("\n")) {
            if (!line.isEmpty()) {
                out.merge(line, 1, Integer::sum);
            }
        }
        return out;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && java.util.Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    private void zcatAgrees() throws IOException, InterruptedException {
        try (Stream<Path> walk = Files.walk(archive)) {
            for (Path gz : walk.filter(p -> p.toString().endsWith(".gz")).toList()) {
                Process p = new ProcessBuilder("zcat", gz.toString()).redirectErrorStream(true).start();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                p.getInputStream().transferTo(out);
                if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    fail("zcat " + gz + " failed: " + out);
                }
                assertArrayEquals(gunzip(gz), out.toByteArray(), "zcat and GZIPInputStream read " + gz + " differently");
            }
        }
    }
}
