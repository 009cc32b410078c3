package dev.tether.apply;

import dev.tether.platform.Links;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content of a file or tree as a map from relative path to a fingerprint: {@code sha256:<hex>:<size>}
 * for a file, {@code dir} for a directory, {@code link:<target>} for a link. Two trees hold the same
 * data exactly when their manifests are equal. Links are never followed.
 */
public record Manifest(Map<String, String> entries) {
    static final int BUFFER = 1 << 20;

    public Manifest {
        entries = Map.copyOf(entries);
    }

    /** Reads and hashes every file below {@code root} (or {@code root} itself when it is a file). */
    public static Manifest of(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
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
                out.put(relative(root, file), fingerprint(file, attrs));
                return FileVisitResult.CONTINUE;
            }
        });
        return new Manifest(out);
    }

    static String fingerprint(Path file, BasicFileAttributes attrs) throws IOException {
        if (attrs.isSymbolicLink()) {
            return "link:" + Files.readSymbolicLink(file);
        }
        if (!attrs.isRegularFile()) {
            throw new IOException("cannot copy " + file + ": not a regular file, directory or link");
        }
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[BUFFER];
            for (int n; (n = in.read(buf)) > 0; ) {
                digest.update(buf, 0, n);
                size += n;
            }
        }
        return fileFingerprint(digest, size);
    }

    static String fileFingerprint(MessageDigest digest, long size) {
        return "sha256:" + HexFormat.of().formatHex(digest.digest()) + ":" + size;
    }

    static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
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
