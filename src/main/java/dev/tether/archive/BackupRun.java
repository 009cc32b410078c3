package dev.tether.archive;

import dev.tether.apply.FilePool;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a {@link BackupPlan} through the archive's journal ({@code .tether-archive/journal.jsonl}). Its steps,
 * for {@code TETHER_CRASH_AT}: {@code planned} (every file the run may write, with its size before),
 * {@code archived} (every new member and version forced to the disk), {@code indexed} (this machine's catalog,
 * the commit point, then the index of sessions and the archive's size written), {@code committed}. Killed
 * before the catalog is written, the next run cuts every planned file back to its size before (a partial
 * member goes, a complete one is archived again); killed after, it only rebuilds the index of the sessions
 * the run touched. Either way the archive holds every line it held before and no member twice.
 */
public final class BackupRun {
    public static final String ARCHIVED = "archived";
    public static final String INDEXED = "indexed";
    static final String ITEM = "archive";

    private final ArchiveLayout layout;
    private final Journal journal;
    private final Platform platform;
    private final String machineId;
    private final String hostname;
    private final Progress progress;

    public BackupRun(ArchiveLayout layout, Journal journal, Platform platform, String machineId, String hostname,
            Progress progress) {
        this.layout = layout;
        this.journal = journal;
        this.platform = platform;
        this.machineId = machineId;
        this.hostname = hostname;
        this.progress = progress;
    }

    /**
     * Archives what the plan found new. {@code liveRels}: every transcript that exists live now (the index
     * marks the others archived-only), or null for a run that looked at some sessions only (the hook's). A live
     * file that cannot be read is left out and named in the result.
     */
    public BackupResult run(BackupPlan plan, Set<String> liveRels) throws IOException {
        String liveDigest = liveRels == null ? null : LiveStamp.digest(liveRels);
        if (plan.work().isEmpty()) {
            // nothing new: no journal, no catalog; only a session whose live file went is noted in the index
            if (liveRels != null && !LiveStamp.matches(layout, liveDigest)) {
                SessionIndex index = SessionIndex.load(layout);
                if (index.markLive(liveRels)) {
                    index.save(layout);
                }
                LiveStamp.save(layout, liveDigest);
            }
            return new BackupResult(new TreeMap<>(), 0, 0, 0, ArchiveMarker.load(layout).totalBytes(), List.of());
        }
        SessionIndex index = SessionIndex.load(layout);
        Catalog catalog = plan.catalog(); // read once, by the planner, under the same lock
        journal.forgetEndedRuns(); // only a pending run is ever read again; an ended run's plan is just weight
        Targets planned = targets(plan);
        Journal.Run run = journal.beginStreamed("backup", planJson(plan, planned));
        FileArchiver archiver = new FileArchiver(layout, platform, run.id(), hostname);
        List<FileArchiver.Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        List<String> unreadable = Collections.synchronizedList(new ArrayList<>());
        try {
            progress.start("the archive", plan.bytesToRead(), plan.work().size());
            // compressing is bound by the CPU: a thread or two per core, not the sixteen that hide fsync latency
            try (FilePool pool = new FilePool(Math.max(2, Runtime.getRuntime().availableProcessors() * 2))) {
                for (BackupPlan.Work w : plan.work()) {
                    SessionEntry session = index.get(w.file().rel());
                    pool.submit(w.file().size(), () -> {
                        try {
                            outcomes.add(archiver.archive(w, session));
                        } catch (FileArchiver.Unreadable e) {
                            unreadable.add(e.rel + ": " + e.getMessage());
                        }
                        synchronized (progress) {
                            progress.advance(w.file().size(), 1);
                        }
                    });
                }
                pool.awaitAll();
            } finally {
                progress.finish();
            }
            run.record(ARCHIVED, ITEM);
        } catch (IOException | RuntimeException e) {
            rollBack(planned, run.id());
            run.commitAndForget("rolled-back");
            throw e;
        }
        Map<String, Catalog.Entry> files = new TreeMap<>(catalog.files());
        long growth = 0;
        long bytes = 0;
        long lines = 0;
        Map<String, long[]> perItem = new TreeMap<>();
        for (FileArchiver.Outcome o : outcomes) {
            files.put(o.rel(), o.entry());
            growth += o.archiveGrowth();
            if (o.bytes() > 0 || o.archiveGrowth() > 0) {
                long[] n = perItem.computeIfAbsent(o.rel().split("/")[0], k -> new long[2]);
                n[0]++;
                n[1] += o.bytes();
                bytes += o.bytes();
                lines += o.lines();
            }
            if (o.session() != null) {
                index.put(o.session());
            }
        }
        new Catalog(Catalog.SCHEMA, machineId, files, run.id()).save(layout); // the commit point
        if (liveRels != null) {
            index.markLive(liveRels);
        }
        index.save(layout);
        if (liveRels != null) {
            LiveStamp.save(layout, liveDigest);
        }
        ArchiveMarker marker = ArchiveMarker.load(layout).grownBy(growth);
        marker.save(layout);
        run.record(INDEXED, ITEM);
        run.record(Journal.COMMITTED, ITEM);
        run.commitAndForget("done"); // a plan of 20,000 files would otherwise be read by every later run's check
        long added = perItem.values().stream().mapToLong(n -> n[0]).sum();
        return new BackupResult(perItem, added, lines, bytes, marker.totalBytes(), List.copyOf(unreadable));
    }

    /** Each file the run may write and its size before (-1: it did not exist), in the plan's order. */
    private record Targets(List<Path> paths, long[] before) {
    }

    private Targets targets(BackupPlan plan) throws IOException {
        List<Path> paths = new ArrayList<>(plan.work().size());
        long[] before = new long[plan.work().size()];
        int i = 0;
        for (BackupPlan.Work w : plan.work()) {
            Path target = w instanceof BackupPlan.Content c ? c.next() : layout.lines(w.file().rel());
            paths.add(target);
            before[i++] = Files.exists(target) ? Files.size(target) : -1;
        }
        return new Targets(paths, before);
    }

    /** The journal's plan: each file the run may write and its size before (-1: it did not exist). */
    private Journal.PlanWriter planJson(BackupPlan plan, Targets targets) {
        return g -> {
            g.writeStartObject();
            g.writeStringField("archive", layout.root().toString());
            g.writeStringField("machine", machineId);
            g.writeArrayFieldStart("files");
            for (int i = 0; i < targets.paths().size(); i++) {
                g.writeStartObject();
                g.writeStringField("rel", plan.work().get(i).file().rel());
                g.writeStringField("path", targets.paths().get(i).toString());
                g.writeNumberField("before", targets.before()[i]);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        };
    }

    /** Finishes or undoes a backup that an earlier process left pending in the journal. Returns what was done. */
    public String recover(Journal.Pending pending) throws IOException {
        String machine = pending.plan().path("machine").asText();
        Catalog catalog = Catalog.load(layout, machine);
        Journal.Run run = journal.resume(pending);
        if (pending.runId().equals(catalog.lastRun())) {
            Reindex.sessions(layout, touchedSessions(pending), hostname);
            run.commitAndForget("rolled-forward");
            return "finished the interrupted backup of " + pending.started();
        }
        rollBack(pending.plan(), pending.runId());
        run.commitAndForget("rolled-back");
        return "took back what the interrupted backup of " + pending.started() + " had started to write";
    }

    /** Cuts every file of the run back to its size before; a file the run made goes. */
    private void rollBack(com.fasterxml.jackson.databind.JsonNode plan, String runId) throws IOException {
        List<Path> paths = new ArrayList<>();
        List<Long> before = new ArrayList<>();
        for (var f : plan.path("files")) {
            paths.add(layout.root().getFileSystem().getPath(f.path("path").asText()));
            before.add(f.path("before").asLong(-1));
        }
        rollBack(new Targets(paths, before.stream().mapToLong(Long::longValue).toArray()), runId);
    }

    private void rollBack(Targets targets, String runId) throws IOException {
        for (int i = 0; i < targets.paths().size(); i++) {
            Path path = targets.paths().get(i);
            long before = targets.before()[i];
            Path temp = path.resolveSibling("." + path.getFileName() + ".tether-" + runId);
            Files.deleteIfExists(temp);
            if (before < 0) {
                Files.deleteIfExists(path);
            } else {
                GzipMembers.truncate(path, before);
            }
        }
    }

    private static List<String> touchedSessions(Journal.Pending pending) {
        List<String> out = new ArrayList<>();
        for (var f : pending.plan().path("files")) {
            String rel = f.path("rel").asText();
            if (SessionEntry.keyAndId(rel) != null) {
                out.add(rel);
            }
        }
        return out;
    }
}
