package dev.tether.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code sync.root}: the sync root and the synced folder exist and are writable. While they are gone,
 * Claude Code still answers, and every session and prompt it writes through the links is lost (it
 * reports no error), so the message says so plainly.
 */
final class SyncRootCheck implements Check {
    static final String BRING_IT_BACK = "bring the synced folder back before using Claude Code again (start the sync"
            + " client, mount the drive, or undo the move); if it moved for good: tether setup --sync-root NEW";

    @Override
    public List<Finding> run(VerifyContext v) {
        if (v.state().isEmpty()) {
            return List.of();
        }
        Path root = v.ctx().fs().getPath(v.state().get().syncRoot());
        Path synced = v.syncedFolder().orElseThrow();
        boolean linked = !v.state().get().items().isEmpty();
        String losing = linked ? ", so the links lead nowhere: Claude Code's new sessions and prompts are being lost right now"
                : "";
        if (!Files.isDirectory(root)) {
            return List.of(Finding.error("sync.root", null, root.toString(), "the sync root is missing" + losing,
                    BRING_IT_BACK));
        }
        if (!Files.isDirectory(synced)) {
            return List.of(Finding.error("sync.root", null, synced.toString(), "the synced folder is missing" + losing,
                    BRING_IT_BACK));
        }
        if (!Files.isWritable(synced)) {
            return List.of(Finding.error("sync.root", null, synced.toString(), "the synced folder is not writable"
                    + (linked ? ": Claude Code cannot save new sessions and prompts there" : ""),
                    "give yourself write permission on " + synced));
        }
        return List.of(Finding.ok("sync.root", null, synced.toString(), "the synced folder is present and writable"));
    }
}
