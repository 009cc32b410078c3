package dev.tether.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code sync.root}: the sync root and the synced folder exist and are writable. */
final class SyncRootCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) {
        if (v.state().isEmpty()) {
            return List.of();
        }
        Path root = v.ctx().fs().getPath(v.state().get().syncRoot());
        Path synced = v.syncedFolder().orElseThrow();
        String hint = "restore the folder, or run tether setup --sync-root NEW with its new place";
        if (!Files.isDirectory(root)) {
            return List.of(Finding.error("sync.root", null, root.toString(), "the sync root is missing", hint));
        }
        if (!Files.isDirectory(synced)) {
            return List.of(Finding.error("sync.root", null, synced.toString(), "the synced folder is missing", hint));
        }
        if (!Files.isWritable(synced)) {
            return List.of(Finding.error("sync.root", null, synced.toString(), "the synced folder is not writable",
                    "give yourself write permission on " + synced));
        }
        return List.of(Finding.ok("sync.root", null, synced.toString(), "the synced folder is present and writable"));
    }
}
