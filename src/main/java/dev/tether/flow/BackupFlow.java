package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.IoErrors;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.archive.ArchiveLayout;
import dev.tether.archive.ArchiveLocation;
import dev.tether.archive.ArchiveRecord;
import dev.tether.archive.Backup;
import dev.tether.archive.BackupPlan;
import dev.tether.archive.BackupResult;
import dev.tether.archive.BackupRun;
import dev.tether.state.MachineId;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code tether backup}: find the archive, finish or undo a backup an earlier process left pending, plan
 * from metadata alone, and archive what is new. Reads the Claude data dir (through the links), writes only
 * the archive and this machine's record of it ({@code <state-dir>/archive.json}).
 */
public final class BackupFlow {
    private final Context ctx;

    public BackupFlow(Context ctx) {
        this.ctx = ctx;
    }

    /** Where the archive goes, checked: refused (exit 2) inside the Claude data dir or an item. Reads only. */
    public ArchiveLocation.Chosen locate(String option) {
        String env = ctx.env().get("TETHER_ARCHIVE_DIR");
        Path recorded = ArchiveRecord.load(ctx.locations().stateDir()).map(r -> ctx.fs().getPath(r.archive())).orElse(null);
        ArchiveLocation.Chosen chosen = ArchiveLocation.choose(option == null ? null : ctx.fs().getPath(option).toAbsolutePath(),
                env == null || env.isEmpty() ? null : ctx.fs().getPath(env).toAbsolutePath(), recorded,
                ctx.locations().defaultArchive(ctx.env(), ctx.os()));
        ArchiveLocation.requireOutside(chosen.archive(), ctx.locations().claudeDir(),
                items().stream().map(i -> ctx.locations().claudeDir().resolve(i)).toList());
        return chosen;
    }

    /** The items a backup reads: the linked ones, else setup's defaults, plus todos and plans where present. */
    public List<String> items() {
        List<String> linked = ctx.stateStore().load().map(s -> s.items().stream().map(State.LinkedItem::name).toList())
                .orElse(List.of());
        return Backup.items(linked, ctx.locations().claudeDir());
    }

    /** A backup an earlier process left pending in this archive's journal. Reads only. */
    public Optional<Journal.Pending> pendingRun(ArchiveLayout layout) throws IOException {
        return journal(layout).pending();
    }

    /** Finishes or undoes the pending backup, once the guard allows writing. */
    public String recover(ArchiveLayout layout, Journal.Pending pending, Guard guard) throws IOException {
        guard.clear(true);
        return run(layout, Progress.NONE).recover(pending);
    }

    /** What is new, from metadata alone. Reads only. */
    public BackupPlan plan(ArchiveLayout layout) throws IOException {
        return Backup.plan(layout, items(), ctx.locations().claudeDir(), machineId());
    }

    /**
     * Archives what the plan found, once the guard allows writing (a backup reads through the links while
     * Claude Code writes, so it does not wait for Claude Code to quit), and records the outcome. A live file
     * that cannot be read is left out, the rest archived, and the run fails with exit 4 naming it.
     */
    public BackupResult apply(ArchiveLocation.Chosen where, BackupPlan plan, Guard guard, Progress progress) throws IOException {
        guard.clear(true);
        ArchiveLayout layout = new ArchiveLayout(where.archive());
        ArchiveRecord record = ArchiveRecord.load(ctx.locations().stateDir()).filter(r -> r.archive().equals(where.archive().toString()))
                .orElse(ArchiveRecord.at(where.archive()));
        BackupResult result;
        try {
            result = run(layout, progress).run(plan, Backup.liveTranscripts(plan));
        } catch (IOException | RuntimeException e) {
            String what = e instanceof Failure f ? f.getMessage() : IoErrors.describe(e);
            record.after(4, what, Instant.now()).save(ctx.locations().stateDir());
            throw new Failure.RolledBack("backup failed: " + what + "; the archive holds what it held before", 
                    IoErrors.problem(e).hint(), e);
        }
        String summary = result.files() + " file(s), " + result.bytes() + " bytes added";
        if (!result.unreadable().isEmpty()) {
            record.after(4, "could not read " + String.join("; ", result.unreadable()), Instant.now()).save(ctx.locations().stateDir());
        } else {
            record.after(0, summary, Instant.now()).save(ctx.locations().stateDir());
        }
        return result;
    }

    /**
     * Archives one session that just ended (the {@code SessionEnd} hook): its transcript, its
     * {@code projects/<key>/<id>/} folder, {@code file-history/<id>/} and {@code tasks/<id>/}, into the recorded
     * archive. Refuses (exit 3) at once when another backup holds the archive's lock: a hook must not make the
     * person wait. Returns what it added.
     */
    public BackupResult archiveSession(String sessionId, Path transcript) throws IOException {
        ArchiveLocation.Chosen where = locate(null);
        ArchiveLayout layout = new ArchiveLayout(where.archive());
        try (Guard guard = Guard.forWriting(ctx, layout.meta())) {
            guard.clear(true);
            Optional<Journal.Pending> pending = pendingRun(layout);
            if (pending.isPresent()) {
                run(layout, Progress.NONE).recover(pending.get());
            }
            Path claudeDir = ctx.locations().claudeDir();
            String rel = transcript.startsWith(claudeDir) ? claudeDir.relativize(transcript).toString().replace('\\', '/')
                    : "projects/" + transcript.getParent().getFileName() + "/" + transcript.getFileName();
            String key = rel.split("/").length == 3 ? rel.split("/")[1] : null;
            List<String> parts = new java.util.ArrayList<>(List.of(rel, "file-history/" + sessionId, "tasks/" + sessionId));
            if (key != null) {
                parts.add("projects/" + key + "/" + sessionId);
            }
            BackupPlan plan = Backup.plan(layout, parts, claudeDir, machineId());
            BackupResult result = run(layout, Progress.NONE).run(plan, null);
            if (ArchiveRecord.load(ctx.locations().stateDir()).isEmpty()) {
                ArchiveRecord.at(where.archive()).save(ctx.locations().stateDir()); // so backup, restore and verify find it
            }
            return result;
        }
    }

    /** Rebuilds the index of sessions from the archived transcripts alone. */
    public int reindex(ArchiveLayout layout, Guard guard) throws IOException {
        guard.clear(true);
        return Backup.reindex(layout, ctx.machine().hostname());
    }

    private BackupRun run(ArchiveLayout layout, Progress progress) throws IOException {
        return new BackupRun(layout, journal(layout), ctx.platform(), machineId(), ctx.machine().hostname(), progress);
    }

    private Journal journal(ArchiveLayout layout) {
        return new Journal(layout.meta(), ctx.env().get("TETHER_CRASH_AT"));
    }

    /** This machine's id; a run that may write makes one, a dry run only reads it. */
    private String machineId() throws IOException {
        String id = MachineId.peek(ctx.locations().stateDir());
        return id != null ? id : ctx.fs().isReadOnly() ? "this-machine" : MachineId.loadOrCreate(ctx.locations().stateDir());
    }
}
