package dev.tether.apply;

import dev.tether.platform.Platform;
import java.nio.file.FileSystem;
import java.nio.file.Path;

/**
 * What every job needs besides its own fields: the platform that renames and links, where it reports
 * its steps, the progress display, the run's id (which names its temporary siblings) and the file system
 * its paths belong to.
 */
record JobContext(Platform platform, StepRecorder recorder, Progress progress, String runId, FileSystem fs) {

    public Path path(String path) {
        return fs.getPath(path);
    }

    /** The same context, reporting its steps nowhere (a rollback's inner restore). */
    JobContext unrecorded() {
        return new JobContext(platform, StepRecorder.NONE, progress, runId, fs);
    }
}
