package dev.tether.conflict;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code tether resolve} would do with the conflict copies found: merge the JSONL ones into their
 * main file, and leave every other one, with the reason and what the user can do about it.
 */
public record ResolvePlan(Path syncedFolder, List<Merge> merges, List<Unresolved> unresolved) {

    public ResolvePlan {
        merges = List.copyOf(merges);
        unresolved = List.copyOf(unresolved);
    }

    /** A main JSONL file and its conflict copies, to be united. */
    public record Merge(Path main, List<ConflictCopy> copies) {
        public Merge {
            copies = List.copyOf(copies);
        }

        public List<Path> copyPaths() {
            return copies.stream().map(ConflictCopy::copy).toList();
        }
    }

    /** A copy resolve leaves as it is. */
    public record Unresolved(ConflictCopy copy, String reason, String hint) {
    }

    public boolean changesAnything() {
        return !merges.isEmpty();
    }

    public boolean isEmpty() {
        return merges.isEmpty() && unresolved.isEmpty();
    }

    public static ResolvePlan of(Path syncedFolder, List<ConflictCopy> found) {
        Map<Path, ConflictCopy> byPath = new HashMap<>();
        found.forEach(c -> byPath.put(c.copy(), c));
        Map<Path, List<ConflictCopy>> groups = new LinkedHashMap<>();
        List<Unresolved> unresolved = new ArrayList<>();
        for (ConflictCopy each : found) {
            // a copy of a copy joins the group of the file the first copy stands for, so all merge in one go
            ConflictCopy c = each;
            for (int depth = 0; depth < 8 && byPath.containsKey(c.original()); depth++) {
                ConflictCopy parent = byPath.get(c.original());
                c = new ConflictCopy(each.provider(), each.label(), each.copy(), parent.original(),
                        each.sameFile() && parent.sameFile());
            }
            String original = c.original().getFileName().toString();
            String handle = "compare it with " + original + ", keep what you need in " + original + ", then delete the copy";
            if (!c.sameFile()) {
                unresolved.add(new Unresolved(c, "a different file whose name clashes with " + original + " (" + c.label() + ")",
                        "rename one of the two, or delete the one you do not need"));
            } else if (!c.isJsonl()) {
                unresolved.add(new Unresolved(c, "not a JSONL file, so its lines cannot be merged", handle));
            } else if (!Files.isRegularFile(c.copy(), LinkOption.NOFOLLOW_LINKS)) {
                unresolved.add(new Unresolved(c, "not a regular file", handle));
            } else if (!Files.isRegularFile(c.original(), LinkOption.NOFOLLOW_LINKS)) {
                unresolved.add(new Unresolved(c, "its main file " + original + " is missing (or not a regular file)",
                        "if the copy is the version to keep, rename it to " + original));
            } else {
                groups.computeIfAbsent(c.original(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Merge> merges = new ArrayList<>();
        groups.forEach((main, copies) -> merges.add(new Merge(main, copies)));
        return new ResolvePlan(syncedFolder, merges, unresolved);
    }
}
