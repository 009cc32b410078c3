package dev.tether.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The archive package's entry points for a backup: what to read, what is new, what is live. */
public final class Backup {
    private Backup() {
    }

    /** The items to back up: the linked ones, else setup's defaults; plus todos and plans where present. */
    public static List<String> items(List<String> linked, Path claudeDir) {
        return LiveFiles.items(linked, claudeDir);
    }

    /** Lists the items (metadata only) and decides each file's work against this machine's catalog. */
    public static BackupPlan plan(ArchiveLayout layout, List<String> items, Path claudeDir, String machineId) throws IOException {
        // decoding the catalog is work for the CPU, listing is work for the file system: they overlap
        CompletableFuture<Catalog> catalog = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                catalog.complete(Catalog.load(layout, machineId));
            } catch (Throwable t) {
                catalog.completeExceptionally(t);
            }
        }, "tether-catalog");
        reader.setDaemon(true);
        reader.start();
        try {
            return BackupPlanner.plan(layout, items, claudeDir, catalog);
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The transcripts that exist live (every listed {@code projects/<key>/<id>.jsonl}). */
    public static Set<String> liveTranscripts(BackupPlan plan) {
        return new HashSet<>(plan.live());
    }

    /** How many live transcripts hold something this machine's catalog says is not archived yet (metadata only). */
    public static long unarchivedTranscripts(ArchiveLayout layout, List<String> items, Path claudeDir, String machineId)
            throws IOException {
        BackupPlan plan = plan(layout, items, claudeDir, machineId);
        return plan.work().stream().filter(w -> ArchiveLayout.isLines(w.file().rel())).count();
    }

    public static int reindex(ArchiveLayout layout, String hostname) throws IOException {
        return Reindex.all(layout, hostname);
    }
}
