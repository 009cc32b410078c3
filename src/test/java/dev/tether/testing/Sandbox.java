package dev.tether.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.demo.SampleData;
import dev.tether.layout.Items;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A throwaway home with a generated {@code ~/.claude} and a sync root, either on the same filesystem as
 * the home or on another one ({@code /dev/shm}, a tmpfs), so a test can choose a one-rename move or a
 * copy-verify-delete move. Nothing outside the sandbox is touched; {@link #close} removes the part of it
 * that lives outside the test's temp dir.
 */
public final class Sandbox implements AutoCloseable {
    /** Where the sync root lives relative to the home. */
    public enum Device {
        /** Same filesystem: a move is one rename. */
        SAME,
        /** Another filesystem ({@code /dev/shm}): a move is copy, verify, place, set aside, link, clean. */
        CROSS
    }

    /** The items setup links by default. */
    public static final List<String> ITEMS = Items.DEFAULTS;

    /** A sync-root folder name with a space, as Proton Drive and Google Drive name theirs. */
    public static final String SYNC_ROOT_NAME = "Proton Drive";

    public final Device device;
    public final Path home;
    public final Path claude;
    public final Path syncRoot;
    /** {@code <sync root>/.claude-session-backup}, where setup puts the items. */
    public final Path synced;
    private final Path outside;

    private Sandbox(Device device, Path home, Path syncRoot, Path outside) {
        this.device = device;
        this.home = home;
        this.claude = home.resolve(".claude");
        this.syncRoot = syncRoot;
        this.synced = syncRoot.resolve(".claude-session-backup");
        this.outside = outside;
    }

    /**
     * A sandbox under {@code base}; for {@link Device#CROSS} the sync root goes to a fresh dir under
     * {@code /dev/shm}. Skips the test where there is no {@code /dev/shm} (not Linux).
     */
    public static Sandbox create(Path base, Device device) throws IOException {
        Path realBase = Files.createDirectories(base).toRealPath();
        Path home = Files.createDirectories(realBase.resolve("home"));
        if (device == Device.SAME) {
            return new Sandbox(device, home, Files.createDirectories(realBase.resolve(SYNC_ROOT_NAME)), null);
        }
        Path outside = otherFilesystem().resolve("tether-test-" + realBase.getFileName() + "-" + System.nanoTime());
        Files.createDirectories(outside);
        Sandbox s = new Sandbox(device, home, Files.createDirectories(outside.resolve(SYNC_ROOT_NAME)), outside);
        assertNotEquals(Files.getAttribute(home, "unix:dev"), Files.getAttribute(s.syncRoot, "unix:dev"),
                "the cross-device sandbox needs /dev/shm on another filesystem than " + home);
        return s;
    }

    /** {@code /dev/shm}: a tmpfs, so a different device from the temp dir. */
    public static Path otherFilesystem() {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm), "cross-device tests need a writable /dev/shm (Linux)");
        return shm;
    }

    /**
     * Generates a small but realistic {@code .claude} (SampleData.Scale.SMALL) plus the seed design's
     * {@code .archive} and {@code .planning}, and a few corner cases a copy must keep: an empty file, an
     * empty directory, unusual POSIX modes and a relative link inside an item.
     */
    public Sandbox generate(long seed) throws IOException {
        SampleData.generate(claude, seed, SampleData.Scale.SMALL);
        FileTime old = FileTime.from(Instant.now().minus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

        Path archive = Files.createDirectories(claude.resolve(".archive").resolve("2024"));
        Files.writeString(archive.resolve("old-session.jsonl"), "{\"type\":\"user\",\"message\":\"archived\"}\n");
        Files.setLastModifiedTime(archive.resolve("old-session.jsonl"), old);
        Path planning = Files.createDirectories(claude.resolve(".planning"));
        Files.writeString(planning.resolve("PLAN.md"), "# Plan\n- ship it\n");
        Files.setLastModifiedTime(planning.resolve("PLAN.md"), old);

        Path project;
        try (Stream<Path> s = Files.list(claude.resolve("projects"))) {
            project = s.sorted().findFirst().orElseThrow();
        }
        Path secret = project.resolve("private-notes.md");
        Files.writeString(secret, "only for me\n");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        Files.setLastModifiedTime(secret, old);
        Files.createFile(project.resolve("empty.jsonl"));
        Files.setLastModifiedTime(project.resolve("empty.jsonl"), old);
        Path privateDir = Files.createDirectories(claude.resolve("projects").resolve("-home-me-private"));
        Files.writeString(privateDir.resolve("s.jsonl"), "{\"type\":\"user\"}\n");
        Files.setPosixFilePermissions(privateDir, PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(claude.resolve("projects").resolve("latest"), project.getFileName());
        Files.setLastModifiedTime(privateDir, old);

        Path fileHistory = claude.resolve("file-history");
        Files.createDirectories(fileHistory.resolve("empty-session"));
        Path readOnly = fileHistory.resolve("read-only@v1");
        Files.writeString(readOnly, "a snapshot that was read-only\n");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
        Path script = claude.resolve("tasks").resolve("hook.sh");
        Files.writeString(script, "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p : List.of(readOnly, script, fileHistory.resolve("empty-session"))) {
            Files.setLastModifiedTime(p, old);
        }
        return this;
    }

    /** Adds {@code count} files of {@code bytes} random bytes each under {@code file-history}. */
    public Sandbox addBulk(int count, int bytes, long seed) throws IOException {
        java.util.Random random = new java.util.Random(seed);
        Path dir = Files.createDirectories(claude.resolve("file-history").resolve("bulk"));
        byte[] buf = new byte[bytes];
        for (int i = 0; i < count; i++) {
            random.nextBytes(buf);
            Files.write(dir.resolve("snapshot-" + i + "@v1"), buf);
        }
        return this;
    }

    /**
     * Appends a prompt to {@code history.jsonl} as Claude Code does (opening the path, so through the link
     * when there is one); fails when the path does not reach a file.
     */
    public void claudeCodeAppendsAPrompt() throws IOException {
        Files.writeString(claude.resolve("history.jsonl"), "{\"display\":\"written after the crash\",\"pastedContents\":{},"
                + "\"timestamp\":" + System.currentTimeMillis() + ",\"project\":\"/home/me/code/app\"}\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    /** The items as Claude Code sees them: each read through its link when it is one. */
    public TreeSnapshot items() {
        return TreeSnapshot.ofItems(claude, ITEMS);
    }

    /**
     * Everything in the Claude data dir that is neither an item nor an item's temporary sibling
     * ({@code .<item>.tether-*}): settings, CLAUDE.md, credentials. Links not followed. {@code settings.json},
     * where setup may add its {@code cleanupPeriodDays} and hooks (and unlink remove them again), counts by its
     * settings without those: every other key and value the same, in the same order.
     */
    public TreeSnapshot others() {
        TreeSnapshot rest = TreeSnapshot.of(claude, k -> {
            String top = k.split("/")[0];
            return k.equals(".") || !(ITEMS.contains(top) || ITEMS.stream().anyMatch(i -> top.startsWith("." + i + ".tether-"))
                    || k.equals("settings.json") || top.startsWith(".settings.json.tether-"));
        });
        Path settings = claude.resolve("settings.json");
        if (!Files.exists(settings, LinkOption.NOFOLLOW_LINKS)) {
            return rest;
        }
        java.util.Map<String, String> content = new java.util.TreeMap<>(rest.content());
        try {
            com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(settings.toFile());
            com.fasterxml.jackson.databind.JsonNode days = json.remove("cleanupPeriodDays");
            boolean tethers = days == null || days.asInt() == 36500;
            dev.tether.hooks.HookEntries.remove(json, true);
            content.put("settings.json", "settings without tether's cleanupPeriodDays and hooks: " + json
                    + (tethers ? "" : " (cleanupPeriodDays " + days + ")"));
        } catch (IOException e) {
            content.put("settings.json", "unreadable: " + e.getMessage());
        }
        return new TreeSnapshot(content, rest.mtimes(), rest.modes());
    }

    /** The whole home and the whole sync root, links not followed: any change anywhere shows. */
    public TreeSnapshot everything() {
        TreeSnapshot h = TreeSnapshot.of(home);
        TreeSnapshot r = TreeSnapshot.of(syncRoot);
        java.util.Map<String, String> content = new java.util.TreeMap<>();
        java.util.Map<String, FileTime> mtimes = new java.util.TreeMap<>();
        java.util.Map<String, String> modes = new java.util.TreeMap<>();
        h.content().forEach((k, v) -> content.put("home/" + k, v));
        h.mtimes().forEach((k, v) -> mtimes.put("home/" + k, v));
        h.modes().forEach((k, v) -> modes.put("home/" + k, v));
        r.content().forEach((k, v) -> content.put("root/" + k, v));
        r.mtimes().forEach((k, v) -> mtimes.put("root/" + k, v));
        r.modes().forEach((k, v) -> modes.put("root/" + k, v));
        return new TreeSnapshot(content, mtimes, modes);
    }

    /** The item names that exist locally right now. */
    public List<String> presentItems() {
        return ITEMS.stream().filter(i -> Files.exists(claude.resolve(i), LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /** Every path in the home and the sync root whose name holds {@code .tether-} (tether's temporary names). */
    public List<Path> leftovers() {
        List<Path> out = new ArrayList<>();
        for (Path root : List.of(home, syncRoot)) {
            if (!Files.exists(root)) {
                continue;
            }
            try {
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        check(dir);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        check(file);
                        return FileVisitResult.CONTINUE;
                    }

                    private void check(Path p) {
                        if (p.getFileName() != null && p.getFileName().toString().contains(".tether-")) {
                            out.add(p);
                        }
                    }
                });
            } catch (IOException e) {
                throw new AssertionError("cannot walk " + root + ": " + e, e);
            }
        }
        return out;
    }

    /** The state dir tether uses for this home by default on Linux. */
    public Path stateDir() {
        return home.resolve(".local").resolve("state").resolve("tether");
    }

    @Override
    public void close() throws IOException {
        if (outside != null) {
            Disk.delete(outside);
        }
    }
}
