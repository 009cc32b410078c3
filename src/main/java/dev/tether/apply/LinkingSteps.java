package dev.tether.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A job that ends with the item's data in the synced folder and the original replaced by a link:
 * the original goes to a set-aside sibling in the same step the link comes in, and is deleted only
 * when the job is otherwise done. Shared by {@link MoveSteps} and {@link MergeSteps}.
 */
abstract class LinkingSteps extends ItemSteps {
    protected final Path aside;

    protected LinkingSteps(Job job, JobContext context) {
        super(job, context);
        this.aside = sibling(source, "aside", runId);
    }

    /** Puts the link at the item's path and the original at its set-aside name ({@code set-aside}, {@code linked}). */
    protected void linkOverOriginal() throws IOException {
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

    /** After the link stands: links a set-aside original that lost its link to a crash, or finishes. */
    protected boolean finishIfLinked() throws IOException {
        if (Trees.isLinkTo(source, target)) {
            finish();
            return true;
        }
        if (!Trees.exists(source) && isData(aside)) {
            placeLink(source, target);
            record(Journal.LINKED);
            finish();
            return true;
        }
        return false;
    }

    /** Deletes the set-aside original ({@code cleaned}) and any temporary link, then {@code committed}. */
    protected void finish() throws IOException {
        if (isData(aside)) {
            Trees.deleteIfExists(aside);
            record(Journal.CLEANED);
        }
        Trees.deleteIfLink(aside);
        Trees.deleteIfLink(sibling(source, "link", runId));
        record(Journal.COMMITTED);
    }

    /**
     * Rolling back: when the original still exists at its set-aside name, it goes back to the item's
     * path (replacing tether's link). Returns false when the original is gone (the job had cleaned it).
     */
    protected boolean putOriginalBack() throws IOException {
        Trees.deleteIfLink(sibling(source, "link", runId));
        if (Trees.isLinkTo(source, target)) {
            if (!isData(aside)) {
                return false;
            }
            if (platform.canExchange()) {
                platform.exchange(aside, source);
                Trees.deleteIfLink(aside);
            } else {
                Files.delete(source);
                platform.renameNoReplace(aside, source);
            }
        } else if (!Trees.exists(source) && isData(aside)) {
            platform.renameNoReplace(aside, source);
        }
        Trees.deleteIfLink(aside);
        return true;
    }

    /**
     * A restore of the synced data into the item's path, for a rollback after the original was cleaned;
     * {@code restore} is this item's own restore job.
     */
    protected void restoreFromSynced(Job.Restore restore) throws IOException {
        restore.forward(context.unrecorded(), java.util.Set.of());
    }
}
