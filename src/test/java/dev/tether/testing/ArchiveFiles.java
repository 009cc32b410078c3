package dev.tether.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Reading an archive the way a person without tether would: every {@code .gz} decompressed, the live files beside them. */
public final class ArchiveFiles {
    private ArchiveFiles() {
    }

    /** Every archived file (relative path without {@code .gz}) and its decompressed bytes; tether's own folder left out. */
    public static Map<String, byte[]> decompressed(Path archive) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.isDirectory(archive)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(archive)) {
            for (Path gz : walk.filter(p -> p.toString().endsWith(".gz") && Files.isRegularFile(p)).toList()) {
                String rel = archive.relativize(gz).toString();
                if (!rel.startsWith(".tether-archive")) {
                    out.put(rel.substring(0, rel.length() - 3), gunzip(gz));
                }
            }
        }
        return out;
    }

    public static byte[] gunzip(Path gz) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    /** The live transcripts ({@code .jsonl}) under the Claude data dir's items, read through their links. */
    public static Map<String, byte[]> liveTranscripts(Path claude) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String item : Sandbox.ITEMS) {
            Path at = claude.resolve(item);
            if (!Files.exists(at)) {
                continue;
            }
            Path real = at.toRealPath();
            try (Stream<Path> walk = Files.walk(real)) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".jsonl") && Files.isRegularFile(p)).toList()) {
                    String inside = real.relativize(p).toString();
                    out.put(inside.isEmpty() ? item : item + "/" + inside, Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    /** The lines of {@code bytes}, line ends aside. */
    public static Set<String> lines(byte[] bytes) {
        Set<String> out = new HashSet<>();
        for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n")) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /** Every path under {@code root} whose name holds {@code .tether-} (a temporary name left behind). */
    public static Set<Path> leftovers(Path root) throws IOException {
        Set<Path> out = new HashSet<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.getFileName().toString().contains(".tether-") && !p.getFileName().toString().equals(".tether-archive"))
                    .forEach(out::add);
        }
        return out;
    }
}
