package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
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
            seen.add("file " + rel(file));
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
        List<Recorder> shared = new ArrayList<>();
        for (Predicate<String> rule : rules) {
            shared.add(new Recorder(root, rule));
        }
        // all of them at once, against each one's own walk: the same events, each folder's last
        List<FileVisitor<Path>> visitors = new ArrayList<>(shared);
        FanOutWalk.walk(root, visitors);
        for (int i = 0; i < rules.size(); i++) {
            Recorder alone = new Recorder(root, rules.get(i));
            Files.walkFileTree(root, alone);
            List<String> got = shared.get(i).seen;
            assertEquals(sorted(alone.seen), sorted(got), "visitor " + i);
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
