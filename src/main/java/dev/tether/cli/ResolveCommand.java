package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.conflict.ConflictCopy;
import dev.tether.conflict.ResolvePlan;
import dev.tether.conflict.Resolver;
import dev.tether.flow.Guard;
import dev.tether.flow.ResolveFlow;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code tether resolve}: merge JSONL conflict copies, list the others. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Merge the sync-conflict copies of JSONL files (history.jsonl, sessions) into their main file: every"
                + " distinct line once, nothing lost; the copies move to <state-dir>/resolved/<UTC time>/. Other conflict"
                + " copies are listed and left alone. Exit 0 when none remain, 1 while some do (with --dry-run: what the"
                + " run would leave).")
public final class ResolveCommand extends ChangingCommand {
    @Override
    int run(Console console, ChangeOptions.Run run) throws Exception {
        Guard guard = run.guard();
        ResolveFlow flow = new ResolveFlow(run.ctx());
        ResolvePlan plan = flow.plan();
        Path synced = plan.syncedFolder();
        if (plan.isEmpty()) {
            putJson(console, synced, List.of(), List.of(), "done");
            console.say("No sync-conflict copies in the synced items of " + synced + ".");
            return 0;
        }
        printPlan(console, plan);
        if (change.dryRun) {
            putJson(console, synced, flow.preview(plan), plan.unresolved(), "dry-run");
            console.say("Dry run: nothing was changed.");
            return plan.unresolved().isEmpty() ? 0 : 1;
        }
        putPending(console, plan);
        if (plan.changesAnything()) {
            console.requireYes("resolve", "Merge these files?", change.yes);
        }
        ResolveFlow.Outcome outcome = flow.apply(plan, guard, change.allowRunning);
        putJson(console, synced, outcome.merged(), outcome.unresolved(), "done");
        for (Resolver.Merged m : outcome.merged()) {
            console.say("merged " + rel(synced, m.main()) + ": " + m.linesBefore() + " -> " + m.linesAfter() + " lines; "
                    + m.copies().size() + " cop" + (m.copies().size() == 1 ? "y" : "ies") + " set aside in "
                    + outcome.resolvedDir());
        }
        if (!outcome.unresolved().isEmpty()) {
            boolean one = outcome.unresolved().size() == 1;
            console.say(outcome.unresolved().size() + (one ? " conflict copy remains" : " conflict copies remain")
                    + " (listed above with what to do); tether resolve merges only JSONL files.");
            return 1;
        }
        return 0;
    }

    private static void printPlan(Console console, ResolvePlan plan) {
        Path synced = plan.syncedFolder();
        console.say("Conflict copies in " + synced);
        for (ResolvePlan.Merge m : plan.merges()) {
            console.say("  " + console.paint("merge", Console.Paint.CYAN) + "  " + rel(synced, m.main()));
            for (ConflictCopy c : m.copies()) {
                console.say("           + " + rel(synced, c.copy()) + "  (" + c.label() + ")");
            }
        }
        for (ResolvePlan.Unresolved u : plan.unresolved()) {
            console.say("  " + console.paint("leave", Console.Paint.YELLOW) + "  " + rel(synced, u.copy().copy()) + "  ("
                    + u.copy().label() + "): " + u.reason());
            console.say("           fix: " + u.hint());
        }
    }

    private static void putJson(Console console, Path synced, List<Resolver.Merged> merged, List<ResolvePlan.Unresolved> unresolved,
            String result) {
        ObjectNode doc = console.doc();
        doc.put("syncedFolder", synced.toString());
        ArrayNode m = doc.putArray("merged");
        for (Resolver.Merged r : merged) {
            ObjectNode o = m.addObject();
            o.put("path", r.main().toString());
            ArrayNode copies = o.putArray("copies");
            r.copies().forEach(c -> copies.add(c.toString()));
            o.put("linesBefore", r.linesBefore());
            o.put("linesAfter", r.linesAfter());
            ArrayNode aside = o.putArray("setAside");
            r.setAside().forEach(p -> aside.add(p.toString()));
            o.put("result", result);
        }
        ArrayNode u = doc.putArray("unresolved");
        for (ResolvePlan.Unresolved r : unresolved) {
            ObjectNode o = u.addObject();
            o.put("path", r.copy().copy().toString());
            o.put("provider", r.copy().provider());
            o.put("original", r.copy().original().toString());
            o.put("reason", r.reason());
            o.put("hint", r.hint());
        }
    }

    /** Before the run: the planned merges without line counts (counting means reading every file). */
    private static void putPending(Console console, ResolvePlan plan) {
        putJson(console, plan.syncedFolder(), List.of(), plan.unresolved(), "pending");
        ArrayNode m = (ArrayNode) console.doc().get("merged");
        for (ResolvePlan.Merge merge : plan.merges()) {
            ObjectNode o = m.addObject();
            o.put("path", merge.main().toString());
            ArrayNode copies = o.putArray("copies");
            merge.copyPaths().forEach(c -> copies.add(c.toString()));
            o.putNull("linesBefore");
            o.putNull("linesAfter");
            o.putArray("setAside");
            o.put("result", "pending");
        }
    }

    private static String rel(Path synced, Path p) {
        return synced.relativize(p).toString();
    }
}
