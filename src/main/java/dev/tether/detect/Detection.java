package dev.tether.detect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The sync roots found on a machine, in provider order, each path once per provider; and the notes
 * (files looked at, entries skipped and why) that {@code -v} shows.
 */
public record Detection(List<SyncRoot> roots, List<String> notes) {

    public Detection {
        roots = List.copyOf(roots);
        notes = List.copyOf(notes);
    }

    /** Runs every detector. Reads only; a missing or malformed settings file becomes a note. */
    public static Detection scan(DetectContext ctx) {
        List<SyncRoot> roots = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<List<Object>> seen = new HashSet<>();
        for (Detector detector : Detectors.ALL) {
            Candidates out = new Candidates(detector.provider());
            detector.detect(ctx, out);
            for (Candidate c : out.found()) {
                if (seen.add(List.of(c.provider(), c.path()))) {
                    roots.add(SyncRoot.inspect(c, ctx));
                }
            }
            notes.addAll(out.notes());
        }
        return new Detection(roots, notes);
    }

    public List<SyncRoot> of(Provider provider) {
        return roots.stream().filter(r -> r.provider() == provider).toList();
    }

    /** The roots setup could use: existing, writable, and apart from the Claude data dir. */
    public static List<SyncRoot> usable(List<SyncRoot> roots, Path claudeDir) {
        return roots.stream().filter(r -> r.unusableBecause(claudeDir) == null).toList();
    }
}
