package dev.tether.apply;

import dev.tether.platform.Links;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The content of a file or tree as a map from relative path to a fingerprint: {@code sha256:<hex>:<size>}
 * for a file, {@code dir} for a directory, {@code link:<target>} for a link. Two trees hold the same
 * data exactly when their manifests are equal. Links are never followed.
 */
public record Manifest(Map<String, String> entries) {
    public Manifest {
        entries = Map.copyOf(entries);
    }

    /**
     * Reads and hashes every file below {@code root} (or {@code root} itself when it is a file), several
     * files at a time.
     */
    public static Manifest of(Path root) throws IOException {
        return walk(root, true);
    }

    /**
     * The shape of {@code root}: every folder, link and file with its size ({@code size:<n>}), without
     * reading a file. Equal shapes and equal bytes of every file ({@link TreeCompare}) mean equal trees.
     */
    static Manifest shapeOf(Path root) throws IOException {
        return walk(root, false);
    }

    private static Manifest walk(Path root, boolean hash) throws IOException {
        Map<String, String> out = new ConcurrentHashMap<>();
        try (FilePool pool = new FilePool()) {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Optional<Platform.Link> junction = Links.read(dir, attrs);
                    if (junction.isPresent()) {
                        out.put(relative(root, dir), "link:" + junction.get().target()); // never walked into
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    out.put(relative(root, dir), "dir");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = relative(root, file);
                    if (attrs.isSymbolicLink()) {
                        out.put(rel, "link:" + Files.readSymbolicLink(file));
                    } else if (!attrs.isRegularFile()) {
                        throw new IOException("cannot copy " + file + ": not a regular file, directory or link");
                    } else if (hash) {
                        pool.submit(attrs.size(), () -> out.put(rel, FileBytes.fingerprint(file)));
                    } else {
                        out.put(rel, SIZE + attrs.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            pool.awaitAll();
        }
        return new Manifest(out);
    }

    /** The prefix of a file's entry in a {@link #shapeOf shape}. */
    static final String SIZE = "size:";

    static String fileFingerprint(byte[] sha256, long size) {
        return "sha256:" + HexFormat.of().formatHex(sha256) + ":" + size;
    }

    /** The manifest's key of {@code p}: its path below {@code root}, with {@code /} between names. */
    static String relative(Path root, Path p) {
        return below(root, p).replace('\\', '/');
    }

    /**
     * {@code p}'s path below {@code root} in the file system's own syntax, for {@code p} found by walking
     * {@code root}. By its text: {@code Path.relativize} makes a path object per name on the way, which
     * cost more than the copy of a small file.
     */
    static String below(Path root, Path p) {
        String r = root.toString();
        String s = p.toString();
        if (s.equals(r)) {
            return "";
        }
        String sep = root.getFileSystem().getSeparator();
        if (s.startsWith(r)) {
            if (r.endsWith(sep)) {
                return s.substring(r.length());
            }
            if (s.startsWith(sep, r.length())) {
                return s.substring(r.length() + sep.length());
            }
        }
        return root.relativize(p).toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first path whose content differs, for an error message; null when equal. */
    public String firstDifference(Manifest other) {
        if (entries.equals(other.entries)) {
            return null;
        }
        TreeMap<String, String> all = new TreeMap<>(entries);
        all.putAll(other.entries);
        for (String key : all.keySet()) {
            if (!java.util.Objects.equals(entries.get(key), other.entries.get(key))) {
                return key.isEmpty() ? "." : key;
            }
        }
        return null;
    }
}
