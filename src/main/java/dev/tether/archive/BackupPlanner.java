package dev.tether.archive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Decides each live file's {@link BackupPlan.Work} from its metadata and the catalog; reads no file's content. */
final class BackupPlanner {
    private BackupPlanner() {
    }

    static BackupPlan plan(ArchiveLayout layout, List<String> items, LiveFiles.Listing listing, Catalog catalog) {
        List<BackupPlan.Work> work = new ArrayList<>();
        List<String> live = new ArrayList<>();
        int unchanged = 0;
        for (LiveFile f : listing.files()) {
            if (SessionEntry.keyAndId(f.rel()) != null) {
                live.add(f.rel());
            }
            Catalog.Entry entry = catalog.files().get(f.rel());
            if (entry != null && entry.unchanged(f.key(), f.size(), f.mtime())) {
                unchanged++;
            } else if (ArchiveLayout.isLines(f.rel())) {
                work.add(lines(layout, f, entry));
            } else {
                work.add(content(layout, f, entry));
            }
        }
        return new BackupPlan(layout, items, List.copyOf(work), unchanged, listing.problems(), List.copyOf(live), catalog);
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
