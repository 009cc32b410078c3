package dev.tether.apply;

import java.util.List;

/** What the journal's {@code planned} line holds: where the run works and one {@link Job} per changing item. */
public record RunPlan(String syncRoot, String folder, String syncedFolder, String claudeDir, List<Job> jobs) {
    public RunPlan {
        jobs = List.copyOf(jobs);
    }
}
