package dev.tether.apply;

import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
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
final class MoveJob extends ItemJob {
    private final Path copy;
    private final Path aside;

    MoveJob(JobSpec spec, Platform platform, StepRecorder recorder, Progress progress, String runId, FileSystem fs) {
        super(spec, platform, recorder, progress, runId, fs);
        this.copy = sibling(target, "copy", runId);
        this.aside = sibling(source, "aside", runId);
    }

    @Override
    public void forward(Set<String> done) throws IOException {
        if (done.contains(Journal.COMMITTED)) {
            return;
        }
        if (Trees.isLinkTo(source, target)) {
            finish();
            return;
        }
        if (!Trees.exists(source)) {
            if (isData(aside) || (!spec.crossDevice() && isData(target))) {
                placeLink(source, target);
                record(Journal.LINKED);
                finish();
                return;
            }
            throw new IOException("neither " + source + " nor a set-aside copy of it exists; the data is at " + target
                    + " if anywhere");
        }
        if (spec.crossDevice()) {
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
        if (!isData(ours) || Manifest.of(ours).equals(Manifest.of(source))) {
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
                    && Manifest.of(target).equals(Manifest.of(source));
            if (!ours) {
                throw appeared();
            }
        } else {
            copyAndVerify(source, copy, done.contains(Journal.COPIED), done.contains(Journal.VERIFIED));
            platform.renameNoReplace(copy, target);
        }
        record(Journal.PLACED);
    }

    /** Puts the link at the item's path and the original at its set-aside name. */
    private void linkOverOriginal() throws IOException {
        Trees.deleteIfLink(aside); // a link made for an exchange that a crash interrupted
        if (platform.canExchange()) {
            platform.createLink(aside, target);
            platform.exchange(aside, source);
            record(Journal.SET_ASIDE);
        } else {
            platform.renameNoReplace(source, aside);
            record(Journal.SET_ASIDE);
            placeLink(source, target);
        }
        record(Journal.LINKED);
    }

    private void finish() throws IOException {
        if (isData(aside)) {
            Trees.deleteIfExists(aside);
            record(Journal.CLEANED);
        }
        Trees.deleteIfLink(aside);
        Trees.deleteIfLink(sibling(source, "link", runId));
        record(Journal.COMMITTED);
    }

    @Override
    public void backward(Set<String> done) throws IOException {
        Trees.deleteIfLink(sibling(source, "link", runId));
        if (Trees.isLinkTo(source, target) && !(isData(aside) && Manifest.of(aside).equals(Manifest.of(target)))) {
            // The original is gone (cleaned, or renamed on one device), partly removed (its removal failed
            // or was cut short), or older than the synced data (Claude Code wrote through the link): the
            // synced data is the whole item, so it moves back, and only then what is left of the original goes.
            new RestoreJob(restoreSpec(), platform, StepRecorder.NONE, progress, runId, source.getFileSystem())
                    .forward(Set.of());
            Trees.deleteIfExists(aside);
            return;
        }
        if (Trees.isLinkTo(source, target)) {
            if (platform.canExchange()) {
                platform.exchange(aside, source);
                Trees.deleteIfLink(aside);
            } else {
                Files.delete(source);
                platform.renameNoReplace(aside, source);
            }
        } else if (!Trees.exists(source)) {
            if (isData(aside)) {
                platform.renameNoReplace(aside, source);
            } else if (!spec.crossDevice() && isData(target)) {
                platform.renameNoReplace(target, source);
                return;
            } else {
                throw new IOException("cannot roll back " + source + ": neither the item, its set-aside copy nor "
                        + target + " holds the data");
            }
        }
        Trees.deleteIfLink(aside);
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
        if (!spec.crossDevice() || !isData(target) || !isData(source)) {
            return;
        }
        boolean ours = done.contains(Journal.PLACED)
                || (done.contains(Journal.VERIFIED) && Manifest.of(target).equals(Manifest.of(source)));
        if (ours) {
            Trees.deleteIfExists(target);
        }
    }

    private JobSpec restoreSpec() {
        return new JobSpec(spec.item(), JobSpec.RESTORE, spec.kind(), spec.source(), spec.target(), spec.crossDevice(), true,
                spec.bytes(), spec.files());
    }

    private FileAlreadyExistsException appeared() {
        return new FileAlreadyExistsException(target.toString(), null,
                "appeared in the synced folder after planning; nothing was overwritten");
    }
}
