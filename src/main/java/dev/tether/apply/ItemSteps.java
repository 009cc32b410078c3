package dev.tether.apply;

import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * The steps of one item's {@link Job}. {@link #forward} and {@link #backward} decide what to do from
 * what is on disk and which steps the journal holds, so the same code runs a fresh item, finishes an
 * interrupted one, and undoes it. Both are idempotent: running one again after a crash continues where
 * it stopped.
 */
abstract class ItemSteps {
    protected final String item;
    protected final JobContext context;
    protected final Platform platform;
    protected final Progress progress;
    protected final Path source;
    protected final Path target;
    protected final String runId;

    protected ItemSteps(Job job, JobContext context) {
        this.item = job.item();
        this.context = context;
        this.platform = context.platform();
        this.progress = context.progress();
        this.runId = context.runId();
        this.source = context.path(job.source());
        this.target = context.path(job.target());
    }

    /** Brings the item to its done state. {@code done}: the steps the journal already holds for it. */
    abstract void forward(Set<String> done) throws IOException;

    /** Brings the item back to how it was before the run. */
    abstract void backward(Set<String> done) throws IOException;

    protected void record(String step) throws IOException {
        context.recorder().record(step, item);
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

    /** Copies {@code from} ({@code bytes} in {@code files}, for the progress line) to a fresh {@code to}, then proves the copy equal by reading both back. */
    protected void copyAndVerify(Path from, Path to, long bytes, long files, boolean alreadyCopied, boolean alreadyVerified)
            throws IOException {
        if (!alreadyCopied || !Trees.exists(to)) {
            Trees.deleteIfExists(to);
            progress.start(item, bytes, files);
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
