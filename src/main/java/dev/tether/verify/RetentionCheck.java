package dev.tether.verify;

import dev.tether.archive.ArchiveRecord;
import dev.tether.retention.ProjectSettings;
import dev.tether.retention.Retention;
import dev.tether.state.MachineId;
import dev.tether.state.MachineRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code retention}: Claude Code's sweep deletes transcripts older than {@code cleanupPeriodDays} by their
 * modification time, and through tether's links it deletes them in the synced folder, for every machine.
 * An error when this machine's value deletes and no archive from the last two days keeps what it deletes; a
 * warning when such an archive exists, and for every other machine whose registry entry shows a deleting value.
 */
final class RetentionCheck implements Check {
    static final Duration RECENT = Duration.ofDays(2);

    @Override
    public List<Finding> run(VerifyContext v) {
        if (v.state().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        Retention here = v.ctx().retention();
        Path synced = v.syncedFolder().orElseThrow();
        String settings = v.ctx().userSettings().path().toString();
        if (!here.deletes() && here.problem() == null) {
            out.add(Finding.ok("retention", null, settings, "Claude Code keeps transcripts for " + here.describe()));
        } else {
            Optional<ArchiveRecord> archive = ArchiveRecord.load(v.ctx().locations().stateDir());
            boolean kept = archive.map(a -> a.succeededWithin(RECENT, Instant.now())).orElse(false);
            String what = (here.problem() != null ? here.problem() + "; " : "") + "Claude Code deletes transcripts older than "
                    + here.describe() + ", and through the links it deletes them in " + synced.resolve("projects")
                    + " for every machine";
            String hint = hintFor(here, settings);
            out.add(kept
                    ? Finding.warn("retention", null, settings, what + "; the archive " + archive.get().archive()
                            + " (last backup " + archive.get().lastSuccess() + ") keeps what it deletes", hint)
                    : Finding.error("retention", null, settings, what + ", and no archive from the last two days keeps them",
                            hint + "; tether backup keeps an archive"));
        }
        for (ProjectSettings.Lowered lowered : ProjectSettings.lowering(v.claudeDir().resolve("projects"))) {
            out.add(Finding.error("retention", null, lowered.settings().toString(), "this project's settings set " + Retention.KEY
                    + " to " + lowered.days() + ": a Claude Code started there deletes transcripts older than " + lowered.days()
                    + " days of every project, through the links for every machine",
                    "set " + Retention.KEY + " to " + Retention.KEEP_ALL + " in " + lowered.settings() + ", or remove it there"));
        }
        if (Files.isDirectory(synced)) {
            String me = MachineId.peek(v.ctx().locations().stateDir());
            MachineRegistry registry = new MachineRegistry(synced);
            for (MachineRegistry.Machine m : registry.all()) {
                if (m.machineId().equals(me) || m.cleanupPeriodDays() == null || m.cleanupPeriodDays() >= Retention.KEEP_ALL) {
                    continue;
                }
                out.add(Finding.warn("retention", null, registry.dir().resolve(m.machineId() + ".json").toString(),
                        m.hostname() + "'s Claude Code deletes transcripts older than " + m.cleanupPeriodDays() + " days ("
                                + m.retentionSource() + "); through its links that deletes them here too",
                        "on " + m.hostname() + ": tether setup (or set " + Retention.KEY + " to " + Retention.KEEP_ALL
                                + " in its settings.json)"));
            }
        }
        return out;
    }

    private static String hintFor(Retention here, String settings) {
        return switch (here.source()) {
            case DEFAULT -> "tether setup (adds " + Retention.KEY + " " + Retention.KEEP_ALL + " to " + settings + ")";
            case USER -> "set " + Retention.KEY + " to " + Retention.KEEP_ALL + " in " + settings;
            case MANAGED -> "ask whoever manages this machine's managed-settings.json to raise " + Retention.KEY;
        };
    }
}
