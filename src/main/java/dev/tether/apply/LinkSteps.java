package dev.tether.apply;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.Set;

/** Links an item whose data already sits in the synced folder (a second machine): {@code linked}. */
final class LinkSteps extends ItemSteps {

    LinkSteps(Job.Link job, JobContext context) {
        super(job, context);
    }

    @Override
    void forward(Set<String> done) throws IOException {
        if (done.contains(Journal.COMMITTED)) {
            return;
        }
        if (!Trees.isLinkTo(source, target)) {
            if (Trees.exists(source)) {
                throw new FileAlreadyExistsException(source.toString(), null, "appeared after planning; nothing was replaced");
            }
            if (!isData(target)) {
                throw new FileNotFoundException(target + " is gone from the synced folder; no link was made");
            }
            placeLink(source, target);
            record(Journal.LINKED);
        }
        Trees.deleteIfLink(sibling(source, "link", runId));
        record(Journal.COMMITTED);
    }

    @Override
    void backward(Set<String> done) throws IOException {
        Trees.deleteIfLink(sibling(source, "link", runId));
        if (Trees.isLinkTo(source, target)) {
            Files.delete(source);
        }
    }
}
