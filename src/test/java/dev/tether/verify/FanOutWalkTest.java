package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.platform.JimfsPlatform;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One walk for several visitors, on several threads, gives each the events of a walk of its own. */
class FanOutWalkTest {
    @TempDir
    Path root;

    /** Records what it sees; skips the folders {@code skip} names. */
    private static final class Recorder implements FileVisitor<Path> {
        final List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        final Predicate<String> skip;
        final Path base;

        Recorder(Path base, Predicate<String> skip) {
            this.base = base;
            this.skip = skip;
        }

        private String rel(Path p) {
            return base.relativize(p).toString().replace('\\', '/');
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            seen.add("pre " + rel(dir));
            return skip.test(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            seen.add("file " + rel(file) + " " + type(attrs));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            seen.add("failed " + rel(file));
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            seen.add("post " + rel(dir));
            return FileVisitResult.CONTINUE;
        }
    }

    /** The type as the walk's attributes give it, so a listing's types are compared with {@code lstat}'s. */
    private static String type(BasicFileAttributes a) {
        return (a.isDirectory() ? "d" : "") + (a.isRegularFile() ? "f" : "") + (a.isSymbolicLink() ? "l" : "") + (a.isOther() ? "o" : "");
    }

    /** This machine's platform (Linux: types from the directory read) and one that lists through Java alone. */
    private static List<Platform> platforms() {
        return List.of(Platform.current(), JimfsPlatform.linux());
    }

    @Test
    void everyVisitorSeesWhatItsOwnWalkWouldShowIt() throws IOException {
        for (String d : List.of("a/x/deep", "a/y", "b/x", "b/z/x/deeper", "c")) {
            Files.createDirectories(root.resolve(d));
            Files.writeString(root.resolve(d).resolve("f.jsonl"), "x");
            Files.writeString(root.resolve(d).resolve("g.jsonl"), "y");
        }
        // "deeper" every visitor skips, so the walk does too; the others only some
        List<Predicate<String>> rules = List.of(name -> name.equals("deeper"), name -> name.equals("x") || name.equals("deeper"),
                name -> name.equals("b") || name.equals("y") || name.equals("deeper"),
                name -> List.of("x", "b", "c", "a", "deeper").contains(name));
        for (Platform platform : platforms()) {
            sameEventsAsOwnWalks(platform, root, rules);
        }
    }

    @Test
    void linksPipesAndUnusualNamesLookAsInJavasOwnWalk() throws IOException {
        Files.createDirectories(root.resolve("projects/p1/sub"));
        Files.writeString(root.resolve("projects/p1/s.jsonl"), "x");
        Files.writeString(root.resolve("projects/p1/sub/t.jsonl"), "x");
        Files.createSymbolicLink(root.resolve("projects/to-file"), root.resolve("projects/p1/s.jsonl"));
        Files.createSymbolicLink(root.resolve("projects/to-dir"), root.resolve("projects/p1"));
        Files.createSymbolicLink(root.resolve("projects/dangling"), root.resolve("nowhere"));
        Files.createDirectory(root.resolve("projects/.hidden"));
        if ("UTF-8".equals(System.getProperty("sun.jnu.encoding"))) {
            Files.writeString(root.resolve("projects/Zoë – ファイル.jsonl"), "x");
        }
        try {
            Process p = new ProcessBuilder("mkfifo", root.resolve("projects/pipe").toString()).inheritIO().start();
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            // no mkfifo (Windows): the walk is compared without a pipe
        }
        for (Platform platform : platforms()) {
            sameEventsAsOwnWalks(platform, root, List.of(name -> false, name -> name.equals("sub")));
        }
    }

    @Test
    void aWalkOverAnotherFileSystemListsThroughJava() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path synced = Files.createDirectories(fs.getPath("/sync/.claude"));
            Files.createDirectories(synced.resolve("projects/a/b"));
            Files.writeString(synced.resolve("projects/a/s.jsonl"), "x");
            Files.writeString(synced.resolve("projects/a/b/t.jsonl"), "x");
            Files.createSymbolicLink(synced.resolve("projects/link"), synced.resolve("projects/a"));
            for (Platform platform : platforms()) {
                sameEventsAsOwnWalks(platform, synced, List.of(name -> false, name -> name.equals("b")));
            }
        }
    }

    private static void sameEventsAsOwnWalks(Platform platform, Path root, List<Predicate<String>> rules) throws IOException {
        List<Recorder> shared = new ArrayList<>();
        for (Predicate<String> rule : rules) {
            shared.add(new Recorder(root, rule));
        }
        // all of them at once, against each one's own walk: the same events, each folder's last
        List<FileVisitor<Path>> visitors = new ArrayList<>(shared);
        FanOutWalk.walk(platform, root, visitors);
        for (int i = 0; i < rules.size(); i++) {
            Recorder alone = new Recorder(root, rules.get(i));
            Files.walkFileTree(root, alone);
            List<String> got = shared.get(i).seen;
            assertEquals(sorted(alone.seen), sorted(got), platform.getClass().getSimpleName() + ", visitor " + i);
            for (int k = 0; k < got.size(); k++) {
                if (got.get(k).startsWith("post ")) {
                    String dir = got.get(k).substring(5);
                    for (int later = k + 1; later < got.size(); later++) {
                        String path = got.get(later).substring(got.get(later).indexOf(' ') + 1);
                        assertFalse(!dir.isEmpty() && path.startsWith(dir + "/"), got.get(later) + " after post " + dir);
                        assertFalse(dir.isEmpty(), "an event after the root's post-visit");
                    }
                }
            }
        }
    }

    private static List<String> sorted(List<String> events) {
        List<String> copy = new ArrayList<>(events);
        java.util.Collections.sort(copy);
        return copy;
    }
}
