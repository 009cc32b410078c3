package dev.tether.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Brings one linked item back to real local data (unlink). The data is copied from the synced folder
 * into a hidden sibling of the link ({@code copied}), compared ({@code verified}), and swapped into the
 * item's path in one exchange ({@code placed}), so Claude Code never sees the item missing; then the
 * old link goes ({@code cleaned}). With {@code removeSynced} on one filesystem the data is renamed
 * instead of copied; across filesystems the synced copy is deleted after the verified swap.
 */
final class RestoreSteps extends ItemSteps {
    private final Job.Restore job;
    private final Path restore;

    RestoreSteps(Job.Restore job, JobContext context) {
        super(job, context);
        this.job = job;
        this.restore = sibling(source, "restore", runId);
    }

    @Override
    void forward(Set<String> done) throws IOException {
        if (done.contains(Journal.COMMITTED)) {
            return;
        }
        if (!isData(source)) {
            if (!Trees.isLinkTo(source, target)) {
                throw new IOException(source + " is no longer the link to " + target + " that tether made; it was left alone");
            }
            bringDataNextToLink(done);
            if (platform.canExchange()) {
                platform.exchange(restore, source);
            } else {
                Files.delete(source); // only the link: the data waits at its restore name
                platform.renameNoReplace(restore, source);
            }
            record(Journal.PLACED);
        }
        Trees.deleteIfLink(restore);
        if (job.removeSynced() && job.crossDevice() && isData(target)) {
            Trees.deleteIfExists(target);
        }
        record(Journal.CLEANED);
        record(Journal.COMMITTED);
    }

    private void bringDataNextToLink(Set<String> done) throws IOException {
        if (job.removeSynced() && !job.crossDevice()) {
            if (isData(target)) {
                platform.renameNoReplace(target, restore);
                record(Journal.COPIED);
            } else if (!isData(restore)) {
                throw new IOException("the synced data at " + target + " is gone; the link was left in place");
            }
            return;
        }
        if (!isData(target)) {
            throw new IOException("the synced data at " + target + " is gone; the link was left in place");
        }
        // A copy made by an interrupted run counts only while it still equals the synced data: Claude Code
        // may have written through the link since. A stale one is made again.
        boolean current = done.contains(Journal.COPIED) && isData(restore) && TreeCompare.same(restore, target);
        copyAndVerify(target, restore, job.bytes(), job.files(), current, current);
    }

    /**
     * Undoes a restore that failed before its swap: the temporary copy goes (or, when the data was
     * renamed out of the synced folder, it goes back there). After the swap the item is restored,
     * so the rest of the restore is finished instead.
     */
    @Override
    void backward(Set<String> done) throws IOException {
        if (isData(source)) {
            forward(done);
            return;
        }
        if (job.removeSynced() && !job.crossDevice()) {
            if (isData(restore) && !Trees.exists(target)) {
                platform.renameNoReplace(restore, target);
            }
        } else {
            Trees.deleteIfExists(restore);
        }
    }
}
