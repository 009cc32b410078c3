package dev.tether.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Decides each live file's {@link BackupPlan.Work} from its metadata and the catalog; reads no file's content. */
final class BackupPlanner {
    private BackupPlanner() {
    }

    /** The plan of a listing made beforehand. */
    static BackupPlan plan(ArchiveLayout layout, List<String> items, LiveFiles.Listing listing, Catalog catalog) {
        Tally tally = new Tally(layout, CompletableFuture.completedFuture(catalog));
        listing.files().forEach(tally::file);
        listing.problems().forEach(tally::problem);
        return tally.plan(items);
    }

    /**
     * Lists the items and decides each file as the listing finds it, once the catalog (read on another thread
     * meanwhile) is there: a file with nothing new is counted and dropped at once, so memory holds the catalog
     * and the files with work, not every file of the home.
     */
    static BackupPlan plan(ArchiveLayout layout, List<String> items, Path claudeDir, CompletableFuture<Catalog> catalog)
            throws IOException {
        Tally tally = LiveFiles.list(claudeDir, items, () -> new Tally(layout, catalog));
        return tally.plan(items);
    }

    /** One part of a listing, decided: its work, its live transcripts, how many of its files have nothing new. */
    static final class Tally implements LiveFiles.Sink<Tally> {
        private final ArchiveLayout layout;
        private final CompletableFuture<Catalog> catalog;
        private final List<BackupPlan.Work> work = new ArrayList<>();
        private final List<String> live = new ArrayList<>();
        private final List<LiveFiles.Problem> problems = new ArrayList<>();
        private int unchanged;
        /** Files found before the catalog was read, in order; decided as soon as it is. */
        private List<LiveFile> waiting = new ArrayList<>();

        Tally(ArchiveLayout layout, CompletableFuture<Catalog> catalog) {
            this.layout = layout;
            this.catalog = catalog;
        }

        @Override
        public void file(LiveFile f) {
            if (SessionEntry.isTranscript(f.rel())) {
                live.add(f.rel());
            }
            if (!catalog.isDone()) {
                waiting.add(f);
                return;
            }
            decideWaiting();
            decide(f, catalog.join());
        }

        @Override
        public void problem(LiveFiles.Problem p) {
            problems.add(p);
        }

        @Override
        public void append(Tally next) {
            decideWaiting();
            next.decideWaiting();
            work.addAll(next.work);
            live.addAll(next.live);
            problems.addAll(next.problems);
            unchanged += next.unchanged;
        }

        BackupPlan plan(List<String> items) {
            decideWaiting();
            return new BackupPlan(layout, items, List.copyOf(work), unchanged, List.copyOf(problems), List.copyOf(live), catalog.join());
        }

        private void decideWaiting() {
            if (waiting.isEmpty()) {
                return;
            }
            Catalog c = catalog.join(); // waits for the catalog when the listing was faster
            for (LiveFile f : waiting) {
                decide(f, c);
            }
            waiting = new ArrayList<>();
        }

        private void decide(LiveFile f, Catalog c) {
            Catalog.Entry entry = c.files().get(f.rel());
            if (entry != null && entry.unchanged(f.key(), f.size(), f.mtime())) {
                unchanged++;
            } else if (ArchiveLayout.isLines(f.rel())) {
                work.add(lines(layout, f, entry));
            } else {
                work.add(content(layout, f, entry));
            }
        }
    }

    private static BackupPlan.Work lines(ArchiveLayout layout, LiveFile f, Catalog.Entry entry) {
        Path archived = layout.lines(f.rel());
        if (entry == null) {
            return Files.exists(archived) ? new BackupPlan.Lines(f) : new BackupPlan.Whole(f);
        }
        boolean grew = entry.exact() >= 0 && java.util.Objects.equals(entry.key(), f.key()) && f.size() > entry.exact();
        return grew ? new BackupPlan.Tail(f, entry) : new BackupPlan.Lines(f);
    }

    private static BackupPlan.Work content(ArchiveLayout layout, LiveFile f, Catalog.Entry entry) {
        List<Path> onDisk = new ArrayList<>();
        int n = 1;
        for (; Files.exists(layout.version(f.rel(), n)); n++) {
            onDisk.add(layout.version(f.rel(), n));
        }
        return new BackupPlan.Content(f, entry, List.copyOf(onDisk), layout.version(f.rel(), n));
    }
}
