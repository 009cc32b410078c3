package dev.tether.conflict;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** The proof a union is checked by before it replaces anything: every line of every input is in it, byte for byte. */
public final class EveryLine {
    private EveryLine() {
    }

    /**
     * Throws, naming how many are missing, when a line of one of {@code inputs} (line ends aside) is not in
     * {@code union}. Blank lines hold nothing and the union drops them by design, so they are not asked for.
     */
    public static void require(Path union, Path... inputs) throws IOException {
        Set<String> lines = new HashSet<>();
        for (Path input : inputs) {
            lines.addAll(lines(input));
        }
        lines.removeAll(lines(union));
        lines.removeIf(String::isBlank);
        if (!lines.isEmpty()) {
            throw new IOException("the merged " + union + " lacks " + lines.size() + " line(s) of its inputs; nothing was replaced");
        }
    }

    private static Set<String> lines(Path file) throws IOException {
        Set<String> out = new HashSet<>();
        // ISO-8859-1 maps every byte to one char, so lines compare byte for byte whatever their encoding
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line; (line = r.readLine()) != null; ) {
                out.add(line);
            }
        }
        return out;
    }
}
