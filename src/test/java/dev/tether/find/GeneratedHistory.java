package dev.tether.find;

import dev.tether.demo.SampleData;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** A generated Claude data dir for tests of finding, fixed in time, and an archive-like tree beside it. */
final class GeneratedHistory {
    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private GeneratedHistory() {
    }

    /** Three projects of four sessions each. */
    static Path claude(Path dir, long seed) throws IOException {
        Path claude = dir.resolve(".claude");
        SampleData.generate(claude, seed, new SampleData.Scale(0, 3, 4, 10, 0, 1), NOW);
        return claude;
    }

    static List<Path> transcripts(Path claude) throws IOException {
        try (Stream<Path> s = Files.walk(claude.resolve("projects"), 2)) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    /** Copies a live transcript into an archive-shaped tree as one gzip member; returns the copy. */
    static Path archive(Path archiveProjects, Path transcript) throws IOException {
        Path to = archiveProjects.resolve(transcript.getParent().getFileName()).resolve(transcript.getFileName() + ".gz");
        Files.createDirectories(to.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            Files.copy(transcript, out);
        }
        return to;
    }
}
