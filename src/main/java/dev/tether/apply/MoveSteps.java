package dev.tether.apply;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Moves one item into the synced folder and leaves a link in its place.
 *
 * <p>Same filesystem: one rename that never replaces ({@code placed}), then the link ({@code linked}).
 * Across filesystems: copy into a hidden sibling in the synced folder and fsync ({@code copied}),
 * compare every file ({@code verified}), rename into place ({@code placed}), swap the link in and the
 * original out to its set-aside name ({@code set-aside}, {@code linked}), delete the set-aside
 * original ({@code cleaned}). The original is deleted only after a verified copy stands at the target.
 */
final class MoveSteps extends LinkingSteps {
    private final Job.Move job;
    private final Path copy;

    MoveSteps(Job.Move job, JobContext context) {
        super(job, context);
        this.job = job;
        this.copy = sibling(target, "copy", runId);
    }

    @Override
    void forward(Set<String> done) throws IOException {
        if (done.contains(Journal.COMMITTED) || finishIfLinked()) {
            return;
        }
        if (!Trees.exists(source)) {
            if (!job.crossDevice() && isData(target)) {
                placeLink(source, target); // renamed into place before a crash
                record(Journal.LINKED);
                finish();
                return;
            }
            throw new IOException("neither " + source + " nor a set-aside copy of it exists; the data is at " + target
                    + " if anywhere");
        }
        // the synced folder is made here, not before the run: a run killed right after its plan was
        // journaled must find it made when it is rolled forward
        Files.createDirectories(target.getParent());
        if (job.crossDevice()) {
            copyVerifyPlace(withoutStaleCopy(done));
            linkOverOriginal();
        } else {
            if (Trees.exists(target)) {
                throw appeared();
            }
            platform.renameNoReplace(source, target);
            record(Journal.PLACED);
            placeLink(source, target);
            record(Journal.LINKED);
        }
        finish();
    }

    /**
     * A copy made by an interrupted run counts only while it still equals the original: Claude Code may
     * have written to the original between the crash and this run. A stale copy of ours is removed (the
     * original is whole, at its path) and the copy starts again.
     */
    private Set<String> withoutStaleCopy(Set<String> done) throws IOException {
        if (!done.contains(Journal.COPIED)) {
            return done;
        }
        Path ours = done.contains(Journal.PLACED) ? target : copy;
        if (!isData(ours) || TreeCompare.same(ours, source)) {
            return done;
        }
        Trees.deleteIfExists(ours);
        return Set.of();
    }

    private void copyVerifyPlace(Set<String> done) throws IOException {
        if (done.contains(Journal.PLACED)) {
            return;
        }
        if (Trees.exists(target)) {
            // Renamed into place just before a crash, or someone else's data: only equal bytes are ours.
            boolean ours = done.contains(Journal.VERIFIED) && !Trees.exists(copy)
                    && TreeCompare.same(target, source);
            if (!ours) {
                throw appeared();
            }
        } else {
            copyAndVerify(source, copy, job.bytes(), job.files(), done.contains(Journal.COPIED), done.contains(Journal.VERIFIED));
            platform.renameNoReplace(copy, target);
        }
        record(Journal.PLACED);
    }

    @Override
    void backward(Set<String> done) throws IOException {
        if (Trees.isLinkTo(source, target) && isData(aside) && !TreeCompare.same(aside, target)) {
            // The original was partly removed (its removal failed or was cut short), or Claude Code wrote
            // through the link since: the synced data is the whole item, so it moves back, and only then
            // does what is left of the original go.
            restoreFromSynced(movedBack());
            Trees.deleteIfExists(aside);
            return;
        }
        if (!putOriginalBack()) {
            // The original is gone (cleaned, or renamed on one device): the synced data moves back.
            restoreFromSynced(movedBack());
            return;
        }
        if (!Trees.exists(source)) {
            if (!job.crossDevice() && isData(target)) {
                platform.renameNoReplace(target, source);
                return;
            }
            throw new IOException("cannot roll back " + source + ": neither the item, its set-aside copy nor "
                    + target + " holds the data");
        }
        removeLeftOfOriginal();
        Trees.deleteIfExists(copy);
        removeOurCopy(done);
    }

    /**
     * A set-aside original next to restored data is what a cut-short roll back left: it goes once every
     * entry in it is also in the restored item, byte for byte; otherwise it stays for a person to look at.
     */
    private void removeLeftOfOriginal() throws IOException {
        if (isData(aside) && isData(source)
                && Manifest.of(source).entries().entrySet().containsAll(Manifest.of(aside).entries().entrySet())) {
            Trees.deleteIfExists(aside);
        }
    }

    /** Across filesystems the target is a verified copy made by this run; it goes when the original is back. */
    private void removeOurCopy(Set<String> done) throws IOException {
        if (!job.crossDevice() || !isData(target) || !isData(source)) {
            return;
        }
        boolean ours = done.contains(Journal.PLACED)
                || (done.contains(Journal.VERIFIED) && TreeCompare.same(target, source));
        if (ours) {
            Trees.deleteIfExists(target);
        }
    }

    /** The synced data moved back into the item's path: a roll back leaves no second copy of what was only here. */
    private Job.Restore movedBack() {
        return new Job.Restore(job.item(), job.kind(), job.source(), job.target(), job.crossDevice(), true, job.bytes(), job.files());
    }

    private FileAlreadyExistsException appeared() {
        return new FileAlreadyExistsException(target.toString(), null,
                "appeared in the synced folder after planning; nothing was overwritten");
    }
}
