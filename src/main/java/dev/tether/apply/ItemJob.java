package dev.tether.apply;

import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * One item's work. {@link #forward} and {@link #backward} decide what to do from what is on disk
 * and which steps the journal holds, so the same code runs a fresh item, finishes an interrupted
 * one, and undoes it. Both are idempotent: running one again after a crash continues where it stopped.
 */
public abstract class ItemJob {
    protected final JobSpec spec;
    protected final Platform platform;
    protected final StepRecorder recorder;
    protected final Progress progress;
    protected final Path source;
    protected final Path target;
    protected final String runId;

    protected ItemJob(JobSpec spec, Platform platform, StepRecorder recorder, Progress progress, String runId,
            java.nio.file.FileSystem fs) {
        this.spec = spec;
        this.platform = platform;
        this.recorder = recorder;
        this.progress = progress;
        this.runId = runId;
        this.source = spec.sourcePath(fs);
        this.target = spec.targetPath(fs);
    }

    public String item() {
        return spec.item();
    }

    /** Brings the item to its done state. {@code done}: the steps the journal already holds for it. */
    public abstract void forward(Set<String> done) throws IOException;

    /** Brings the item back to how it was before the run. */
    public abstract void backward(Set<String> done) throws IOException;

    protected void record(String step) throws IOException {
        recorder.record(step, spec.item());
    }

    /** A hidden sibling that belongs to this run: {@code .<item>.tether-<role>-<run>}. */
    protected static Path sibling(Path path, String role, String runId) {
        return path.resolveSibling("." + path.getFileName() + ".tether-" + role + "-" + runId);
    }

    /**
     * Puts a link to {@code target} at {@code at}, which must not exist: made under a temporary name,
     * then renamed into place without replacing anything.
     */
    protected void placeLink(Path at, Path linkTarget) throws IOException {
        Path tmp = sibling(at, "link", runId);
        Trees.deleteIfLink(tmp);
        platform.createLink(tmp, linkTarget);
        platform.renameNoReplace(tmp, at);
    }

    /**
     * Swaps {@code replacement} into {@code at}; afterwards {@code replacement}'s name holds what was at
     * {@code at}. One atomic exchange where the OS has one; else two renames with {@code at} missing
     * in between.
     */
    protected void swap(Path replacement, Path at, Path parkAt) throws IOException {
        if (platform.canExchange()) {
            platform.exchange(replacement, at);
            if (!replacement.equals(parkAt)) {
                platform.renameNoReplace(replacement, parkAt);
            }
        } else {
            platform.renameNoReplace(at, parkAt);
            platform.renameNoReplace(replacement, at);
        }
    }

    /** Copies {@code from} to a fresh {@code to}, then proves the copy equal by reading both back. */
    protected void copyAndVerify(Path from, Path to, boolean alreadyCopied, boolean alreadyVerified) throws IOException {
        if (!alreadyCopied || !Trees.exists(to)) {
            Trees.deleteIfExists(to);
            progress.start(spec.item(), spec.bytes(), spec.files());
            try {
                TreeCopier.copy(from, to, progress);
            } finally {
                progress.finish();
            }
            TreeCopier.fsyncDirectory(to.getParent());
            record(Journal.COPIED);
            alreadyVerified = false;
        }
        if (!alreadyVerified) {
            String diff = TreeCompare.firstDifference(from, to);
            if (diff != null) {
                throw new IOException("the copy of " + from + " differs from the original at " + diff
                        + "; the original is untouched");
            }
            record(Journal.VERIFIED);
        }
    }

    protected static boolean isData(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Trees.isLink(p);
    }
}
