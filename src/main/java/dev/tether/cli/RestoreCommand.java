package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.apply.Journal;
import dev.tether.archive.ArchiveLayout;
import dev.tether.archive.ArchiveLocation;
import dev.tether.archive.RestorePlan;
import dev.tether.archive.SessionEntry;
import dev.tether.flow.Guard;
import dev.tether.flow.RestoreFlow;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tether restore}: put archived sessions back, never over what is live. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Put archived sessions back at projects/<key>/<id>.jsonl (through the link, so every machine gets them"
                + " back), with their subagents/, tool-results/ and file-history/<id>/. Never overwrites: a live transcript"
                + " becomes the union of its lines and the archive's. A restored file's modification time is its last line's"
                + " timestamp; restore refuses (exit 3) when this machine's retention would delete it again, unless --touch.")
public final class RestoreCommand extends ChangingCommand {
    @Parameters(paramLabel = "ID", arity = "0..*", description = "session ids (a unique prefix is enough)")
    List<String> ids;

    @Option(names = "--project", paramLabel = "TEXT", description = "the sessions of projects whose path or key contains TEXT")
    String project;

    @Option(names = "--deleted", description = "the archived sessions whose live transcript is gone")
    boolean deleted;

    @Option(names = "--all", description = "every archived session")
    boolean all;

    @Option(names = "--touch", description = "give restored files the current time, so Claude Code's retention does not"
            + " delete them again")
    boolean touch;

    @Option(names = "--archive", paramLabel = "DIR", description = "the archive (default: the recorded one)")
    String archive;

    @Override
    int run(Console console, ChangeOptions.Run run) throws Exception {
        Guard guard = run.guard();
        RestoreFlow flow = new RestoreFlow(run.ctx());
        ArchiveLocation.Chosen where = flow.locate(archive);
        console.doc().put("archive", where.archive().toString());
        Optional<Journal.Pending> pending = flow.pendingRun();
        if (pending.isPresent()) {
            console.say(change.dryRun ? "an interrupted restore from " + pending.get().started() + " is pending; restore"
                    + " without --dry-run cleans up after it first" : flow.recover(pending.get(), guard, change.allowRunning));
        }
        RestorePlan plan = flow.plan(new ArchiveLayout(where.archive()), new RestoreFlow.Request(archive,
                ids == null ? List.of() : ids, project, deleted, all, touch));
        print(console, plan);
        toJson(console.doc(), plan, planned());
        if (change.dryRun) {
            if (!plan.swept().isEmpty()) {
                console.say("Without --touch, restore would refuse: Claude Code's retention would delete "
                        + plan.swept().size() + " of these sessions again.");
            }
            console.say("Dry run: nothing was changed.");
            return 0;
        }
        flow.requireNotSweptAgain(plan);
        if (!plan.changesAnything()) {
            console.say("Nothing to restore: the live files already hold everything the archive has of these sessions.");
            return 0;
        }
        console.requireYes("restore", "Restore these sessions?", change.yes);
        int done = flow.apply(plan, guard, change.allowRunning);
        toJson(console.doc(), plan, "done");
        console.say("Done: " + done + " file(s) of " + plan.sessions().size() + " session(s) put back.");
        return 0;
    }

    private static void print(Console console, RestorePlan plan) {
        console.say(console.paint("Restore plan: " + plan.sessions().size() + " session(s)", Console.Paint.BOLD));
        for (SessionEntry s : plan.sessions()) {
            boolean swept = plan.swept().contains(s);
            console.say("  " + s.id() + "  " + (s.projectPath() != null ? s.projectPath() : s.projectKey()) + "  last active "
                    + s.lastTimestamp() + (swept ? console.paint("  (retention would delete it again)",
                    Console.Paint.YELLOW) : ""));
            for (RestorePlan.FileRestore f : plan.files()) {
                if (f.session().equals(s.id())) {
                    console.say("      " + console.paint(String.format("%-9s", name(f.action())), paint(f.action())) + f.rel());
                }
            }
        }
    }

    private static String name(RestorePlan.Action a) {
        return switch (a) {
            case CREATE -> "put back";
            case UNITE -> "unite";
            case SAME -> "ok";
            case KEEP_LIVE -> "keep live";
        };
    }

    private static Console.Paint paint(RestorePlan.Action a) {
        return switch (a) {
            case CREATE, UNITE -> Console.Paint.CYAN;
            case SAME -> Console.Paint.GREEN;
            case KEEP_LIVE -> Console.Paint.YELLOW;
        };
    }

    private static void toJson(ObjectNode doc, RestorePlan plan, String result) {
        ArrayNode sessions = doc.putArray("sessions");
        for (SessionEntry s : plan.sessions()) {
            ObjectNode o = sessions.addObject();
            o.put("id", s.id());
            o.put("projectKey", s.projectKey());
            o.put("projectPath", s.projectPath());
            o.put("lastTimestamp", s.lastTimestamp());
            o.put("sweptAgain", plan.swept().contains(s));
            ArrayNode files = o.putArray("files");
            for (RestorePlan.FileRestore f : plan.files()) {
                if (f.session().equals(s.id())) {
                    ObjectNode file = files.addObject();
                    file.put("path", f.live().toString());
                    file.put("action", f.action().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                    file.put("mtime", f.mtime().toString());
                    file.put("result", f.changes() ? result : "unchanged");
                }
            }
        }
    }
}
