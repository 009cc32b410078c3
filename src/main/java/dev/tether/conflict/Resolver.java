package dev.tether.conflict;

import dev.tether.state.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves one group of a {@link ResolvePlan}: the union of a main JSONL file and its conflict copies
 * replaces the main file atomically, then the copies move to {@code <state-dir>/resolved/<UTC time>/}
 * under their path relative to the synced folder.
 *
 * <p>Crash safety, step by step. Killed while merging: the merge goes to a temporary sibling, the main
 * file and the copies are untouched, and the next run overwrites the temporary file. Killed after the
 * rename but before (or while) the copies move: the main file already holds every line of every copy,
 * so the next run merges again, and because the union is idempotent the main file keeps the same bytes;
 * then it moves the remaining copies. No order of interruptions loses a line.
 */
public final class Resolver {
    private static final int ATTEMPTS = 3;

    /** One main file merged: its lines before and after, and where its copies went. */
    public record Merged(Path main, List<Path> copies, long linesBefore, long linesAfter, List<Path> setAside) {
    }

    private final Path syncedFolder;
    private final Path resolvedDir;

    /**
     * @param resolvedDir where this run puts the merged copies, {@code <state-dir>/resolved/<UTC time>}
     */
    public Resolver(Path syncedFolder, Path resolvedDir) {
        this.syncedFolder = syncedFolder;
        this.resolvedDir = resolvedDir;
    }

    /** What {@link #apply} would do, writing nothing. */
    public Merged preview(ResolvePlan.Merge merge) throws IOException {
        MergeResult r = JsonlMerge.preview(inputs(merge));
        return new Merged(merge.main(), merge.copyPaths(), r.linesPerInput().get(0), r.linesOut(), List.of());
    }

    /**
     * Merges and sets the copies aside. Empty when the main file changed under the merge on every
     * attempt (Claude Code or the sync client kept writing it): then it is left as it was.
     */
    public Optional<Merged> apply(ResolvePlan.Merge merge) throws IOException {
        Path main = merge.main();
        Path temp = main.resolveSibling(NoiseNames.mergeTempName(main.getFileName().toString()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String before = snapshot(main);
            MergeResult r;
            try {
                r = JsonlMerge.merge(inputs(merge), temp);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            if (!before.equals(snapshot(main))) {
                Files.deleteIfExists(temp); // a line written meanwhile would be lost by the rename: merge again
                continue;
            }
            Files.move(temp, main, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.syncDirectory(main.getParent());
            List<Path> setAside = new ArrayList<>();
            for (Path copy : merge.copyPaths()) {
                setAside.add(setAside(copy));
            }
            return Optional.of(new Merged(main, merge.copyPaths(), r.linesPerInput().get(0), r.linesOut(), setAside));
        }
        return Optional.empty();
    }

    private Path setAside(Path copy) throws IOException {
        Path target = resolvedDir.resolve(syncedFolder.relativize(copy).toString());
        Files.createDirectories(target.getParent());
        Path free = target;
        for (int n = 2; Files.exists(free, LinkOption.NOFOLLOW_LINKS); n++) {
            free = target.resolveSibling(target.getFileName() + "." + n); // a copy set aside before a crash, moved again
        }
        Files.move(copy, free);
        AtomicFiles.syncDirectory(copy.getParent());
        return free;
    }

    private static List<Path> inputs(ResolvePlan.Merge merge) {
        List<Path> inputs = new ArrayList<>();
        inputs.add(merge.main());
        inputs.addAll(merge.copyPaths());
        return inputs;
    }

    private static String snapshot(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.size() + "@" + a.lastModifiedTime().toMillis() + "/" + a.fileKey();
    }
}
