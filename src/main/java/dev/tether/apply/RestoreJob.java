package dev.tether.apply;

import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileSystem;
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
final class RestoreJob extends ItemJob {
    private final Path restore;

    RestoreJob(JobSpec spec, Platform platform, StepRecorder recorder, Progress progress, String runId, FileSystem fs) {
        super(spec, platform, recorder, progress, runId, fs);
        this.restore = sibling(source, "restore", runId);
    }

    @Override
    public void forward(Set<String> done) throws IOException {
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
        if (spec.removeSynced() && spec.crossDevice() && isData(target)) {
            Trees.deleteIfExists(target);
        }
        record(Journal.CLEANED);
        record(Journal.COMMITTED);
    }

    private void bringDataNextToLink(Set<String> done) throws IOException {
        if (spec.removeSynced() && !spec.crossDevice()) {
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
        copyAndVerify(target, restore, current, current);
    }

    /**
     * Undoes a restore that failed before its swap: the temporary copy goes (or, when the data was
     * renamed out of the synced folder, it goes back there). After the swap the item is restored,
     * so the rest of the restore is finished instead.
     */
    @Override
    public void backward(Set<String> done) throws IOException {
        if (isData(source)) {
            forward(done);
            return;
        }
        if (spec.removeSynced() && !spec.crossDevice()) {
            if (isData(restore) && !Trees.exists(target)) {
                platform.renameNoReplace(restore, target);
            }
        } else {
            Trees.deleteIfExists(restore);
        }
    }
}
