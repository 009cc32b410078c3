package dev.tether.conflict;

import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the conflict copies of the synced items: inside each item that is a folder, and beside the
 * items at the top of the synced folder (a copy of {@code history.jsonl} lies next to it, not in it).
 * Links are never followed. Read-only.
 */
public final class ConflictScanner {
    private final ConflictNames names;

    public ConflictScanner(ConflictNames names) {
        this.names = names;
    }

    /** Every conflict copy of {@code items} under {@code syncedFolder}, sorted by path. */
    public List<ConflictCopy> scan(Path syncedFolder, Collection<String> items) throws IOException {
        List<ConflictCopy> found = new ArrayList<>();
        if (!Files.isDirectory(syncedFolder, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        Set<String> itemNames = Set.copyOf(items);
        try (DirectoryStream<Path> top = Files.newDirectoryStream(syncedFolder)) {
            for (Path entry : top) {
                String name = entry.getFileName().toString();
                if (itemNames.contains(name)) {
                    if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                        walk(entry, found);
                    }
                } else {
                    // at the top only copies of the items (or of their copies) count; the rest of the folder is not tether's
                    classify(entry).filter(c -> itemNames.contains(rootName(c))).ifPresent(found::add);
                }
            }
        }
        found.sort(Comparator.comparing(c -> c.copy().toString()));
        return found;
    }

    private void walk(Path item, List<ConflictCopy> found) throws IOException {
        Files.walkFileTree(item, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(item)) {
                    return FileVisitResult.CONTINUE;
                }
                if (Links.isLink(dir, attrs) || NoiseNames.isNoiseFolder(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE; // Java walks into a Windows junction; tether never does
                }
                Optional<ConflictCopy> copy = classify(dir);
                copy.ifPresent(found::add);
                // a folder that is itself a copy is reported once, not file by file
                return copy.isPresent() ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                classify(file).ifPresent(found::add);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // an unreadable corner must not hide the copies elsewhere
            }
        });
    }

    /** The name a copy stands for in the end: a copy of a copy of {@code history.jsonl} stands for {@code history.jsonl}. */
    private String rootName(ConflictCopy copy) {
        Path original = copy.original();
        for (int depth = 0; depth < 8; depth++) {
            Optional<ConflictCopy> further = classify(original);
            if (further.isEmpty()) {
                break;
            }
            original = further.get().original();
        }
        return original.getFileName().toString();
    }

    /** The first reading of the entry's name that holds here: a certain shape, or an ambiguous one with its original beside it. */
    Optional<ConflictCopy> classify(Path entry) {
        for (ConflictNames.Match m : names.candidates(entry.getFileName().toString())) {
            Path original = entry.resolveSibling(m.original());
            if (!m.needsOriginal() || Files.exists(original, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(new ConflictCopy(m.provider(), m.label(), entry, original, m.sameFile()));
            }
        }
        return Optional.empty();
    }
}
