package dev.tether.verify;

import dev.tether.conflict.ConflictCopy;
import dev.tether.conflict.ResolvePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code conflict}: sync-conflict copies inside the synced items, one finding per copy naming the sync
 * client that made it. A warning, an error under {@code --strict}: two machines wrote the same file, and
 * until the copies are merged each machine sees only part of the history.
 */
final class ConflictCheck implements Check {
    static final String ID = "conflict";

    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        Path synced = v.syncedFolder().orElse(null);
        if (synced == null || !Files.isDirectory(synced)) {
            return List.of(); // setup.state or sync.root already says why
        }
        List<ConflictCopy> copies = v.synced().conflicts();
        if (copies.isEmpty()) {
            return List.of(Finding.ok(ID, null, synced.toString(), "no sync-conflict copies in the synced items"));
        }
        Finding.Status status = v.strict() ? Finding.Status.ERROR : Finding.Status.WARN;
        ResolvePlan plan = ResolvePlan.of(synced, copies);
        List<Finding> out = new ArrayList<>();
        for (ResolvePlan.Merge merge : plan.merges()) {
            for (ConflictCopy c : merge.copies()) {
                out.add(new Finding(ID, status, item(synced, c), c.copy().toString(), describe(synced, c)
                        + "; its lines are not in the main file yet", "tether resolve"));
            }
        }
        for (ResolvePlan.Unresolved u : plan.unresolved()) {
            out.add(new Finding(ID, status, item(synced, u.copy()), u.copy().copy().toString(), describe(synced, u.copy()) + "; "
                    + u.reason(), u.hint()));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return out;
    }

    private static String describe(Path synced, ConflictCopy c) {
        return "a " + c.label() + " conflict copy of " + synced.relativize(c.original()).toString().replace('\\', '/');
    }

    /** The synced item the copy belongs to: the first name of its original's path. */
    private static String item(Path synced, ConflictCopy c) {
        return synced.relativize(c.original()).getName(0).toString();
    }
}
