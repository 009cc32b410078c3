package dev.tether.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The assertions every safety test makes, with messages that name the first differing paths. */
public final class Safety {
    private Safety() {
    }

    /** Same paths, same kinds, same SHA-256 and size of every file, same link targets. */
    public static void assertSameContent(TreeSnapshot expected, TreeSnapshot actual, String what) {
        assertSameMap(expected.content(), actual.content(), what + ": content differs (path: expected, found)");
    }

    /** Same modification time of every regular file. */
    public static void assertSameFileMtimes(TreeSnapshot expected, TreeSnapshot actual, String what) {
        assertSameMap(expected.fileMtimes(), actual.fileMtimes(), what + ": file modification times differ");
    }

    /** Same modification time of every file and directory. */
    public static void assertSameMtimes(TreeSnapshot expected, TreeSnapshot actual, String what) {
        assertSameMap(expected.mtimes(), actual.mtimes(), what + ": modification times differ");
    }

    /** Same POSIX mode of every file and directory. */
    public static void assertSameModes(TreeSnapshot expected, TreeSnapshot actual, String what) {
        assertSameMap(expected.modes(), actual.modes(), what + ": POSIX modes differ");
    }

    /** Content, modification times and modes all equal. */
    public static void assertSameTree(TreeSnapshot expected, TreeSnapshot actual, String what) {
        assertSameContent(expected, actual, what);
        assertSameMtimes(expected, actual, what);
        assertSameModes(expected, actual, what);
    }

    private static <V> void assertSameMap(Map<String, V> expected, Map<String, V> actual, String message) {
        String diff = TreeSnapshot.differences(expected, actual);
        if (!diff.isEmpty()) {
            fail(message + "\n" + diff);
        }
    }

    /** {@code item} is a symbolic link whose text is exactly the absolute {@code target}. */
    public static void assertLinkedTo(Path item, Path target) {
        assertTrue(Files.isSymbolicLink(item), item + " should be a link to " + target);
        try {
            Path text = Files.readSymbolicLink(item);
            assertTrue(text.isAbsolute(), item + " should be an absolute link, is " + text);
            assertEquals(target, text, item + " links elsewhere");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** {@code item} is real local data (a file or directory, not a link). */
    public static void assertRealLocal(Path item) {
        assertTrue(Files.exists(item, LinkOption.NOFOLLOW_LINKS), item + " should exist");
        assertFalse(Files.isSymbolicLink(item), item + " should be real local data, not a link");
    }

    /**
     * No file is lost: for every item of {@code original}, at least one place where tether's journal can
     * find it again holds the whole item, every file with its original SHA-256 and size at its original
     * relative path. The places: the item path (read through its link), the item in the synced folder,
     * and the item's temporary siblings {@code .<item>.tether-<role>-<run>} (the set-aside original and
     * the copy or restore in progress) next to either.
     */
    public static void assertEveryItemRecoverable(Sandbox s, TreeSnapshot original) {
        StringBuilder lost = new StringBuilder();
        for (String item : original.topNames()) {
            Map<String, String> expected = original.item(item).content();
            List<Path> places = new java.util.ArrayList<>(List.of(s.claude.resolve(item), s.synced.resolve(item)));
            places.addAll(temporarySiblings(s.claude, item));
            places.addAll(temporarySiblings(s.synced, item));
            StringBuilder why = new StringBuilder();
            boolean found = false;
            for (Path place : places) {
                if (!Files.exists(place)) { // a dangling link holds nothing
                    why.append("\n    ").append(place).append(": nothing there");
                    continue;
                }
                Map<String, String> there = TreeSnapshot.ofAs(place, item).content();
                if (there.equals(expected)) {
                    found = true;
                    break;
                }
                why.append("\n    ").append(place).append(":\n").append(TreeSnapshot.differences(expected, there));
            }
            if (!found) {
                lost.append("\n  ").append(item).append(" is complete nowhere:").append(why);
            }
        }
        if (lost.length() > 0) {
            fail("data was lost:" + lost);
        }
    }

    private static List<Path> temporarySiblings(Path dir, String item) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().startsWith("." + item + ".tether-")).sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** No {@code .tether-*} temporary name anywhere in the sandbox. */
    public static void assertNoLeftovers(Sandbox s) {
        List<Path> left = s.leftovers();
        assertTrue(left.isEmpty(), "temporary names were left behind: " + left);
    }

    /** No {@code .tether-*} temporary name anywhere below the given roots. */
    public static void assertNoLeftovers(Path... roots) {
        for (Path root : roots) {
            try (java.util.stream.Stream<Path> all = Files.walk(root)) {
                List<Path> left = all.filter(p -> p.getFileName().toString().contains(".tether-")).toList();
                assertTrue(left.isEmpty(), "temporary names were left behind: " + left);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Each present item's manifest, reached through its link when it is one. */
    public static java.util.Map<String, dev.tether.apply.Manifest> itemManifests(Path claude, List<String> items) {
        java.util.Map<String, dev.tether.apply.Manifest> out = new java.util.TreeMap<>();
        try {
            for (String item : items) {
                Path p = claude.resolve(item);
                if (Files.exists(p)) {
                    out.put(item, dev.tether.apply.Manifest.of(p.toRealPath()));
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Nothing but (possibly empty) directories in the sync root: no file, no link, no partial copy. */
    public static void assertSyncRootHoldsNoFiles(Sandbox s) {
        try (java.util.stream.Stream<Path> all = Files.walk(s.syncRoot)) {
            List<Path> files = all.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList();
            assertTrue(files.isEmpty(), "the sync root should hold no file, but holds " + files);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The synced folder holds none of the items (it may hold tether's own {@code .tether} registry). */
    public static void assertSyncedFolderHoldsNoItems(Sandbox s) {
        for (String item : Sandbox.ITEMS) {
            assertFalse(Files.exists(s.synced.resolve(item), LinkOption.NOFOLLOW_LINKS),
                    "the synced folder should not hold " + item + " any more");
        }
    }
}
