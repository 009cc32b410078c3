package dev.tether.apply;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Re-points a dangling link at the planned target (the synced folder moved or was renamed): the new
 * link is made under a temporary name and swapped over the old one ({@code linked}). The old link
 * held no data, so nothing can be lost; rolling back puts the old link back.
 */
final class RelinkSteps extends ItemSteps {
    private final Path previous;

    RelinkSteps(Job.Relink job, JobContext context) {
        super(job, context);
        this.previous = context.path(job.previousTarget());
    }

    @Override
    void forward(Set<String> done) throws IOException {
        if (done.contains(Journal.COMMITTED)) {
            return;
        }
        if (!Trees.isLinkTo(source, target)) {
            if (!Trees.isLinkTo(source, previous)) {
                throw new IOException(source + " changed since planning (it is no longer the link to " + previous
                        + "); it was left alone");
            }
            if (!isData(target)) {
                throw new IOException(target + " is gone since planning; the old link was left as it was");
            }
            swapLink(target);
            record(Journal.LINKED);
        }
        record(Journal.COMMITTED);
    }

    @Override
    void backward(Set<String> done) throws IOException {
        Trees.deleteIfLink(sibling(source, "link", runId));
        if (Trees.isLinkTo(source, target)) {
            swapLink(previous);
        }
    }

    /** Replaces the link at the item's path by one to {@code to}; the path always holds a link. */
    private void swapLink(Path to) throws IOException {
        Path tmp = sibling(source, "link", runId);
        Trees.deleteIfLink(tmp);
        platform.createLink(tmp, to);
        if (platform.canExchange()) {
            platform.exchange(tmp, source);
            Files.delete(tmp); // the old link
        } else {
            // replacing a link by a link: rename over it is atomic and loses no data
            Files.move(tmp, source, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
