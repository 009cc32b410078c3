package dev.tether.apply;

import dev.tether.platform.Platform;
import java.nio.file.FileSystem;

/** Builds the job for a spec, for a fresh run or for one rebuilt from the journal. */
final class Jobs {
    private Jobs() {
    }

    static ItemJob of(JobSpec spec, Platform platform, StepRecorder recorder, Progress progress, String runId, FileSystem fs) {
        return switch (spec.action()) {
            case JobSpec.MOVE -> new MoveJob(spec, platform, recorder, progress, runId, fs);
            case JobSpec.LINK -> new LinkJob(spec, platform, recorder, progress, runId, fs);
            case JobSpec.MERGE -> new MergeJob(spec, platform, recorder, progress, runId, fs);
            case JobSpec.RELINK -> new RelinkJob(spec, platform, recorder, progress, runId, fs);
            case JobSpec.RESTORE -> new RestoreJob(spec, platform, recorder, progress, runId, fs);
            default -> throw new IllegalArgumentException("unknown job '" + spec.action() + "' in the journal");
        };
    }
}
