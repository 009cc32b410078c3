package dev.tether.conflict;

import dev.tether.platform.Links;
import java.io.IOException;
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
        Visitor visitor = visitor(syncedFolder, items);
        if (Files.isDirectory(syncedFolder, LinkOption.NOFOLLOW_LINKS)) {
            Files.walkFileTree(syncedFolder, visitor);
        }
        return visitor.found();
    }

    /**
     * The scan as the visitor of a walk of the whole synced folder, for a caller that walks it once for
     * several purposes ({@code tether verify}), on several threads if it likes: the visitor is
     * thread-safe and needs no order. Its {@link Visitor#found()} is then what {@link #scan} returns.
     */
    public Visitor visitor(Path syncedFolder, Collection<String> items) {
        return new Visitor(syncedFolder, Set.copyOf(items));
    }

    /**
     * Sees the synced folder (depth 0), its entries (depth 1: inside an item's folder the walk goes on;
     * any other entry counts only as a copy of an item, or of a copy of one), and everything below an
     * item's folder (depth 2 and more). Links are never followed, noise folders never entered, and a
     * folder that is itself a copy is reported once, not file by file.
     */
    public final class Visitor extends SimpleFileVisitor<Path> {
        private final int rootDepth;
        private final Set<String> itemNames;
        private final List<ConflictCopy> found = new ArrayList<>();

        private Visitor(Path syncedFolder, Set<String> itemNames) {
            this.rootDepth = syncedFolder.getNameCount();
            this.itemNames = itemNames;
        }

        /** The copies seen so far, sorted by path. */
        public List<ConflictCopy> found() {
            List<ConflictCopy> sorted;
            synchronized (found) {
                sorted = new ArrayList<>(found);
            }
            sorted.sort(Comparator.comparing(c -> c.copy().toString()));
            return sorted;
        }

        private void add(ConflictCopy copy) {
            synchronized (found) {
                found.add(copy);
            }
        }

        private int depth(Path p) {
            return p.getNameCount() - rootDepth;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            int at = depth(dir);
            if (at == 0) {
                return FileVisitResult.CONTINUE;
            }
            if (at == 1) {
                if (itemNames.contains(dir.getFileName().toString()) && !Links.isLink(dir, attrs)) {
                    return FileVisitResult.CONTINUE;
                }
                // at the top only copies of the items (or of their copies) count; the rest of the folder is not tether's
                topLevel(dir);
                return FileVisitResult.SKIP_SUBTREE;
            }
            if (Links.isLink(dir, attrs) || NoiseNames.isNoiseFolder(dir.getFileName().toString())) {
                return FileVisitResult.SKIP_SUBTREE; // Java walks into a Windows junction; tether never does
            }
            Optional<ConflictCopy> copy = classify(dir);
            copy.ifPresent(this::add);
            // a folder that is itself a copy is reported once, not file by file
            return copy.isPresent() ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            int at = depth(file);
            if (at == 1) {
                if (!itemNames.contains(file.getFileName().toString())) {
                    topLevel(file);
                }
            } else if (at > 1) {
                classify(file).ifPresent(this::add);
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE; // an unreadable corner must not hide the copies elsewhere
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            return FileVisitResult.CONTINUE;
        }

        private void topLevel(Path entry) {
            classify(entry).filter(c -> itemNames.contains(rootName(c))).ifPresent(this::add);
        }
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
