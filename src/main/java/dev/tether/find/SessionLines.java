package dev.tether.find;

import dev.tether.conflict.DigestSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a session's lines from all its copies as one transcript: every line of the first copy (the
 * archive's, which holds every line in the order first seen), then the lines of the next copies that
 * it lacks (compared byte for byte without the line end, as the archive and {@code resolve} compare;
 * a line a later copy repeats comes once).
 * With a single copy the lines pass straight through.
 */
public final class SessionLines {
    /** A subagent's transcript (its file name without extension, e.g. {@code agent-1a2b3c4d}) and its copies. */
    public record Subagent(String name, List<Path> copies) {
    }

    private SessionLines() {
    }

    /** The session's own transcript, line by line; returns false when the visitor stopped. */
    public static boolean main(CatalogEntry entry, LineVisitor visitor, Problems problems) {
        return read(entry.copies().stream().map(c -> c.transcript().path()).toList(), visitor, problems);
    }

    /** Its subagents' transcripts, by name; a name found in several copies is one subagent. */
    public static List<Subagent> subagents(CatalogEntry entry, Problems problems) {
        Map<String, List<Path>> byName = new TreeMap<>();
        for (StoredSession copy : entry.copies()) {
            for (Path f : ProjectsTree.subagents(copy, problems)) {
                byName.computeIfAbsent(TranscriptFile.stem(f.getFileName().toString()), k -> new ArrayList<>()).add(f);
            }
        }
        List<Subagent> out = new ArrayList<>();
        byName.forEach((name, files) -> out.add(new Subagent(name, files)));
        return out;
    }

    /** The union of the copies' lines, numbered as delivered; returns false when the visitor stopped. */
    public static boolean read(List<Path> copies, LineVisitor visitor, Problems problems) {
        if (copies.size() == 1) {
            boolean[] going = {true};
            TranscriptReader.read(copies.get(0), (line, number, size) -> going[0] = visitor.line(line, number, size),
                    problems);
            return going[0];
        }
        DigestSet seen = new DigestSet();
        long[] delivered = {0};
        boolean[] going = {true};
        for (int i = 0; i < copies.size(); i++) {
            boolean first = i == 0; // the first copy's own repeats are its content, kept
            TranscriptReader.read(copies.get(i), (line, number, size) -> {
                if (seen.add(line) || first) {
                    going[0] = visitor.line(line, ++delivered[0], size);
                }
                return going[0];
            }, problems);
            if (!going[0]) {
                return false;
            }
        }
        return true;
    }
}
