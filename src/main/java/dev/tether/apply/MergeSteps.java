package dev.tether.apply;

import dev.tether.conflict.EveryLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Merges an item that exists on both sides (a second machine, or a link an app replaced) into the
 * synced copy, then links it. Nothing is lost: every local file ends up in the synced copy (moved
 * in, identical, or united line by line) or kept under {@code <state-dir>/kept/<run time>/<item>/}.
 *
 * <p>Steps: stage every new or united file under a hidden sibling and copy kept files aside
 * ({@code copied}); prove the staged files hold what they must ({@code verified}); rename them into
 * place ({@code placed}); then the link comes in like a move's ({@code set-aside}, {@code linked},
 * {@code cleaned}). The local item is untouched until it is set aside, so a crash before that loses
 * nothing and a rerun plans the merge again (the merge is idempotent).
 */
final class MergeSteps extends LinkingSteps {
    private final Job.Merge job;
    private final Path keptRoot;

    MergeSteps(Job.Merge job, JobContext context) {
        super(job, context);
        this.job = job;
        this.keptRoot = context.path(job.keptDir()).resolve(job.item());
    }

    @Override
    void forward(Set<String> done) throws IOException {
        if (done.contains(Journal.COMMITTED) || finishIfLinked()) {
            return;
        }
        if (!isData(source) || !isData(target)) {
            throw new IOException("cannot merge " + source + " into " + target + ": one of them is gone since planning");
        }
        if (!done.contains(Journal.PLACED)) {
            List<TreeMerge.FileMerge> plan = TreeMerge.plan(source, target);
            stage(plan);
            record(Journal.COPIED);
            verify(plan);
            record(Journal.VERIFIED);
            place(plan);
            record(Journal.PLACED);
        }
        linkOverOriginal();
        finish();
    }

    private void stage(List<TreeMerge.FileMerge> plan) throws IOException {
        for (TreeMerge.FileMerge f : plan) {
            Path local = TreeMerge.resolve(source, f.rel());
            Path synced = TreeMerge.resolve(target, f.rel());
            switch (f.way()) {
                case MOVE_IN -> {
                    Path staged = staged(synced);
                    Trees.deleteIfExists(staged);
                    Files.createDirectories(staged.getParent());
                    TreeCopier.copy(local, staged, progress);
                }
                case UNION -> unite(synced, local);
                case KEEP -> {
                    Path kept = TreeMerge.resolve(keptRoot, f.rel());
                    Trees.deleteIfExists(kept);
                    Files.createDirectories(kept.getParent());
                    TreeCopier.copy(local, kept, progress);
                }
                default -> { }
            }
        }
    }

    private void unite(Path synced, Path local) throws IOException {
        Path staged = staged(synced);
        Trees.deleteIfExists(staged);
        JsonlUnion.union(synced, local, staged); // fsynced, and as new as the newer side (pickers sort by mtime)
    }

    private void verify(List<TreeMerge.FileMerge> plan) throws IOException {
        for (TreeMerge.FileMerge f : plan) {
            Path local = TreeMerge.resolve(source, f.rel());
            Path synced = TreeMerge.resolve(target, f.rel());
            switch (f.way()) {
                case MOVE_IN -> requireEqual(local, staged(synced));
                case KEEP -> requireEqual(local, TreeMerge.resolve(keptRoot, f.rel()));
                case UNION -> EveryLine.require(staged(synced), local, synced);
                default -> { }
            }
        }
    }

    private void place(List<TreeMerge.FileMerge> plan) throws IOException {
        for (TreeMerge.FileMerge f : plan) {
            Path local = TreeMerge.resolve(source, f.rel());
            Path synced = TreeMerge.resolve(target, f.rel());
            switch (f.way()) {
                case MAKE_DIR -> {
                    Files.createDirectories(synced);
                }
                case MOVE_IN -> platform.renameNoReplace(staged(synced), synced);
                case UNION -> {
                    BasicFileAttributes now = Files.readAttributes(synced, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (now.size() != f.syncedSize() || now.lastModifiedTime().toMillis() != f.syncedMtime()) {
                        // the sync client wrote the synced file meanwhile: unite again with what is there now
                        unite(synced, local);
                        EveryLine.require(staged(synced), local, synced);
                    }
                    // replacing is safe: the staged file holds every line of the file it replaces
                    Files.move(staged(synced), synced, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
                default -> { }
            }
        }
        // directories made here get the local directories' times and modes, deepest first
        for (int i = plan.size() - 1; i >= 0; i--) {
            TreeMerge.FileMerge f = plan.get(i);
            if (f.way() == TreeMerge.Way.MAKE_DIR) {
                Path local = TreeMerge.resolve(source, f.rel());
                TreeCopier.keepAttributes(local, TreeMerge.resolve(target, f.rel()),
                        Files.readAttributes(local, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
            }
        }
    }

    private Path staged(Path finalPath) {
        return sibling(finalPath, "merge", runId);
    }

    private static void requireEqual(Path original, Path copy) throws IOException {
        String diff = TreeCompare.firstDifference(original, copy);
        if (diff != null) {
            throw new IOException("the copy of " + original + " differs from the original at " + diff + "; nothing was replaced");
        }
    }

    @Override
    void backward(Set<String> done) throws IOException {
        if (!putOriginalBack()) {
            // the original was cleaned: the merged data (a superset) is copied back; the synced copy stays
            restoreFromSynced(new Job.Restore(job.item(), job.kind(), job.source(), job.target(), true, false, job.bytes(), job.files()));
        }
        // what the merge already placed in the synced copy stays: it only added files and lines
        Trees.deleteIfExists(staged(target)); // a file item's staged union is its sibling
        try (Stream<Path> files = Files.walk(target)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".tether-merge-" + runId)).toList()) {
                Trees.deleteIfExists(p);
            }
        }
    }
}
