package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.apply.Journal;
import dev.tether.apply.Progress;
import dev.tether.archive.ArchiveLayout;
import dev.tether.archive.ArchiveLocation;
import dev.tether.archive.BackupPlan;
import dev.tether.archive.BackupResult;
import dev.tether.archive.LiveFiles;
import dev.tether.flow.BackupFlow;
import dev.tether.flow.Guard;
import dev.tether.flow.Sizes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tether backup}: add what is new to the archive that only grows. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy what is new in the Claude data dir's items into the archive, which only ever grows: transcripts"
                + " as gzip files holding every line they ever held (zcat reads them), other files with every content they"
                + " had. Never changes anything outside the archive. Works whether or not this machine was set up.")
public final class BackupCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--archive", paramLabel = "DIR", description = "the archive's folder (recorded for later runs; default:"
            + " $TETHER_ARCHIVE_DIR, else the recorded one, else ~/.local/share/tether/archive or the OS's equivalent)")
    String archive;

    @Option(names = "--dry-run", description = "say what would be added and change nothing")
    boolean dryRun;

    @Option(names = "--reindex", description = "rebuild the archive's index of sessions from the archived transcripts alone")
    boolean reindex;

    @Override
    public Integer call() throws Exception {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "backup");
        console.doc().put("dryRun", dryRun);
        Context ctx = dryRun ? session.ctx().readOnly() : session.ctx();
        BackupFlow flow = new BackupFlow(ctx);
        ArchiveLocation.Chosen where = flow.locate(archive);
        ArchiveLayout layout = new ArchiveLayout(where.archive());
        console.doc().put("archive", where.archive().toString());
        console.doc().put("archiveFrom", where.from().name().toLowerCase(java.util.Locale.ROOT));
        console.say("Archive: " + where.archive() + " (" + where.from().label() + ")");
        try (Guard guard = dryRun ? Guard.forDryRun(ctx) : Guard.forWriting(ctx, layout.meta())) {
            Optional<Journal.Pending> pending = flow.pendingRun(layout);
            if (pending.isPresent()) {
                console.say(dryRun ? "an interrupted backup from " + pending.get().started() + " is pending; backup without"
                        + " --dry-run takes back what it had started first" : flow.recover(layout, pending.get(), guard));
            }
            if (reindex) {
                if (dryRun) {
                    console.say("Dry run: the index would be rebuilt from the archived transcripts; nothing was changed.");
                    return 0;
                }
                int sessions = flow.reindex(layout, guard);
                console.doc().put("sessions", sessions);
                console.say("Rebuilt the index: " + sessions + " session(s).");
                return 0;
            }
            BackupPlan plan = flow.plan(layout);
            for (LiveFiles.Problem p : plan.problems()) {
                console.error("tether: cannot read " + p.rel() + ": " + p.what() + " (left out)");
            }
            if (dryRun) {
                printPlan(console, plan);
                return 0;
            }
            Progress progress = console.progressWanted() ? new ProgressLine(console.stderr()) : Progress.NONE;
            BackupResult result = flow.apply(where, plan, guard, progress);
            print(console, plan, result);
            if (!result.unreadable().isEmpty() || !plan.problems().isEmpty()) {
                throw new Failure.RolledBack("could not read " + (result.unreadable().size() + plan.problems().size())
                        + " file(s), so they are not in the archive: " + String.join("; ", unreadable(plan, result))
                        + ". Everything else was archived", "make them readable by you, then run tether backup again", null);
            }
            return 0;
        }
    }

    private static java.util.List<String> unreadable(BackupPlan plan, BackupResult result) {
        java.util.List<String> out = new java.util.ArrayList<>(result.unreadable());
        plan.problems().forEach(p -> out.add(p.rel() + ": " + p.what()));
        return out;
    }

    private static void printPlan(Console console, BackupPlan plan) {
        ObjectNode doc = console.doc();
        ArrayNode items = doc.putArray("items");
        long files = 0;
        long bytes = 0;
        for (Map.Entry<String, long[]> e : plan.perItem().entrySet()) {
            ObjectNode o = items.addObject();
            o.put("name", e.getKey());
            o.put("files", e.getValue()[0]);
            o.put("bytes", e.getValue()[1]);
            files += e.getValue()[0];
            bytes += e.getValue()[1];
            console.say(String.format("  %-14s %d file(s) with something new, up to %s to read", e.getKey(), e.getValue()[0],
                    Sizes.human(e.getValue()[1])));
        }
        for (BackupPlan.Work w : plan.work()) {
            console.detail("  " + w.file().rel() + ": " + w.what());
        }
        ObjectNode added = doc.putObject("added");
        added.put("files", files);
        added.putNull("lines");
        added.put("bytes", bytes);
        doc.put("unchanged", plan.unchanged());
        console.say("Dry run: " + files + " file(s) would be read (" + plan.unchanged() + " unchanged, not read); nothing was changed.");
    }

    private static void print(Console console, BackupPlan plan, BackupResult r) {
        ObjectNode doc = console.doc();
        ArrayNode items = doc.putArray("items");
        for (String item : plan.items()) {
            long[] n = r.perItem().getOrDefault(item, new long[2]);
            ObjectNode o = items.addObject();
            o.put("name", item);
            o.put("files", n[0]);
            o.put("bytes", n[1]);
            console.say(String.format("  %-14s %d file(s), %s added", item, n[0], Sizes.human(n[1])));
        }
        ObjectNode added = doc.putObject("added");
        added.put("files", r.files());
        added.put("lines", r.lines());
        added.put("bytes", r.bytes());
        doc.put("unchanged", plan.unchanged());
        doc.put("archiveBytes", r.archiveBytes());
        ArrayNode unreadable = doc.putArray("unreadable");
        r.unreadable().forEach(unreadable::add);
        plan.problems().forEach(p -> unreadable.add(p.rel() + ": " + p.what()));
        console.say("Done: " + r.files() + " file(s), " + Sizes.human(r.bytes()) + " (" + r.lines() + " line(s)) added; "
                + plan.unchanged() + " unchanged. The archive holds " + Sizes.human(r.archiveBytes()) + ".");
    }
}
