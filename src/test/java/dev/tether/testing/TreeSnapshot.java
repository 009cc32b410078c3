package dev.tether.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a tree holds, read independently of tether's own {@code Manifest}: for every path (relative, with
 * {@code /}) its content ({@code file <sha256> <size>}, {@code dir}, or {@code link -> <target>}), its
 * modification time and its POSIX mode. Links below the root are never followed; a root that is itself
 * a link is followed, so a linked item is read "through the link" as Claude Code reads it.
 */
public record TreeSnapshot(Map<String, String> content, Map<String, FileTime> mtimes, Map<String, String> modes) {

    public TreeSnapshot {
        content = new TreeMap<>(content);
        mtimes = new TreeMap<>(mtimes);
        modes = new TreeMap<>(modes);
    }

    /** The tree at {@code root} (followed when it is a link), keys relative to it; the root itself is {@code "."}. */
    public static TreeSnapshot of(Path root) {
        return of(root, ".", p -> true);
    }

    /** Like {@link #of(Path)}, leaving out every path {@code keep} rejects (and, for a directory, all below it). */
    public static TreeSnapshot of(Path root, Predicate<String> keep) {
        return of(root, ".", keep);
    }

    /** Like {@link #of(Path)}, with keys {@code <name>} and {@code <name>/<relative path>}, as {@link #ofItems} keys an item. */
    public static TreeSnapshot ofAs(Path root, String name) {
        return of(root, name, k -> true);
    }

    /** The top-level names (the items) this snapshot holds. */
    public List<String> topNames() {
        return content.keySet().stream().filter(k -> !k.contains("/")).toList();
    }

    /**
     * The named items of a Claude data dir, each read through its link when it is one, keyed
     * {@code <item>} and {@code <item>/<relative path>}. Items that do not exist are left out.
     */
    public static TreeSnapshot ofItems(Path claudeDir, List<String> items) {
        TreeSnapshot all = new TreeSnapshot(Map.of(), Map.of(), Map.of());
        for (String item : items) {
            Path p = claudeDir.resolve(item);
            if (Files.exists(p)) {
                all = all.plus(of(p, item, k -> true));
            }
        }
        return all;
    }

    private static TreeSnapshot of(Path root, String prefix, Predicate<String> keep) {
        SortedMap<String, String> content = new TreeMap<>();
        SortedMap<String, FileTime> mtimes = new TreeMap<>();
        SortedMap<String, String> modes = new TreeMap<>();
        try {
            Path start = Files.isSymbolicLink(root) ? root.toRealPath() : root;
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    String key = key(start, dir, prefix);
                    if (!keep.test(key)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    note(dir, key, "dir", attrs);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String key = key(start, file, prefix);
                    if (!keep.test(key)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        content.put(key, "link -> " + Files.readSymbolicLink(file));
                    } else if (attrs.isRegularFile()) {
                        note(file, key, "file " + sha256(file) + " " + attrs.size(), attrs);
                    } else {
                        content.put(key, "other");
                    }
                    return FileVisitResult.CONTINUE;
                }

                private void note(Path p, String key, String what, BasicFileAttributes attrs) throws IOException {
                    content.put(key, what);
                    mtimes.put(key, attrs.lastModifiedTime());
                    modes.put(key, PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
                }
            });
        } catch (IOException e) {
            throw new AssertionError("cannot read " + root + ": " + e, e);
        }
        return new TreeSnapshot(content, mtimes, modes);
    }

    private static String key(Path start, Path p, String prefix) {
        String rel = start.relativize(p).toString().replace('\\', '/');
        if (rel.isEmpty()) {
            return prefix;
        }
        return prefix.equals(".") ? rel : prefix + "/" + rel;
    }

    private TreeSnapshot plus(TreeSnapshot other) {
        TreeSnapshot out = new TreeSnapshot(content, mtimes, modes);
        out.content.putAll(other.content);
        out.mtimes.putAll(other.mtimes);
        out.modes.putAll(other.modes);
        return out;
    }

    /** Only the entries below (and including) {@code item}. */
    public TreeSnapshot item(String item) {
        Predicate<String> in = k -> k.equals(item) || k.startsWith(item + "/");
        return new TreeSnapshot(filter(content, in), filter(mtimes, in), filter(modes, in));
    }

    /** Everything except {@code prefix} and what lies below it. */
    public TreeSnapshot without(String prefix) {
        Predicate<String> keep = k -> !(k.equals(prefix) || k.startsWith(prefix + "/"));
        return new TreeSnapshot(filter(content, keep), filter(mtimes, keep), filter(modes, keep));
    }

    /** The modification times of regular files only (the ones Claude Code's /resume orders sessions by). */
    public SortedMap<String, FileTime> fileMtimes() {
        SortedMap<String, FileTime> out = new TreeMap<>();
        mtimes.forEach((k, v) -> {
            if (content.get(k).startsWith("file ")) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Paths of regular files. */
    public List<String> files() {
        return content.entrySet().stream().filter(e -> e.getValue().startsWith("file ")).map(Map.Entry::getKey).toList();
    }

    private static <V> SortedMap<String, V> filter(Map<String, V> map, Predicate<String> keep) {
        SortedMap<String, V> out = new TreeMap<>();
        map.forEach((k, v) -> {
            if (keep.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Up to 20 differences between two maps, one per line, for an assertion message; empty when equal. */
    public static <V> String differences(Map<String, V> expected, Map<String, V> actual) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            V e = expected.get(k);
            V a = actual.get(k);
            if (!Objects.equals(e, a)) {
                out.add("  " + k + ": expected " + (e == null ? "(nothing)" : e) + ", found " + (a == null ? "(nothing)" : a));
            }
        }
        if (out.size() > 20) {
            int more = out.size() - 20;
            out = new ArrayList<>(out.subList(0, 20));
            out.add("  ... and " + more + " more");
        }
        return String.join("\n", out);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
