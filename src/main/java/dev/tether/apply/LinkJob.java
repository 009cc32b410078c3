package dev.tether.apply;

import dev.tether.platform.Platform;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.util.Set;

/** Links an item whose data already sits in the synced folder (a second machine): {@code linked}. */
final class LinkJob extends ItemJob {

    LinkJob(JobSpec spec, Platform platform, StepRecorder recorder, Progress progress, String runId, FileSystem fs) {
        super(spec, platform, recorder, progress, runId, fs);
    }

    @Override
    public void forward(Set<String> done) throws IOException {
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
    public void backward(Set<String> done) throws IOException {
        Trees.deleteIfLink(sibling(source, "link", runId));
        if (Trees.isLinkTo(source, target)) {
            Files.delete(source);
        }
    }
}
