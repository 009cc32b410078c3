package dev.tether.cli;

import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.apply.Progress;
import dev.tether.flow.SetupFlow;
import dev.tether.plan.Action;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tether setup}: show the plan, confirm, apply. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Move the chosen items into the synced folder and leave links in their place. Shows the whole plan"
                + " first and changes nothing if any item cannot be handled safely.")
public final class SetupCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--sync-root", paramLabel = "DIR", description = "the folder your sync client syncs (default: the recorded one)")
    String syncRoot;

    @Option(names = "--folder", paramLabel = "NAME", description = "folder inside the sync root (default: .claude-session-backup)")
    String folder;

    @Option(names = "--item", paramLabel = "NAME", description = "an item of the Claude data dir to link (repeatable;"
            + " default: the recorded items, else history.jsonl, projects, file-history, .archive, .planning, tasks)")
    List<String> items;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "apply without asking")
    boolean yes;

    @Option(names = "--allow-running", description = "go ahead even while a Claude Code process runs")
    boolean allowRunning;

    @Override
    public Integer call() throws Exception {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "setup");
        console.doc().put("dryRun", dryRun);
        try (SetupFlow flow = new SetupFlow(session.ctx(), dryRun)) {
            SetupFlow.Prepared prepared = flow.prepare(new SetupFlow.Request(syncRoot, folder, items), dryRun, allowRunning);
            prepared.recovered().ifPresent(console::say);
            console.doc().put("syncRoot", prepared.layout().syncRoot().toString());
            console.doc().put("syncedFolder", prepared.layout().syncedFolder().toString());
            ItemView view = ItemView.ofSetup(prepared.plan().actions());
            view.print(console, "Plan: " + prepared.layout().claudeDir() + " -> " + prepared.layout().syncedFolder());
            boolean refused = !prepared.plan().refusals().isEmpty();
            view.toJson(console.doc(), r -> refused ? (r.action().equals("refuse") ? "refused" : "not-run")
                    : dryRun ? "dry-run" : "pending");
            prepared.requireNoRefusals();
            if (dryRun) {
                console.say("Dry run: nothing was changed.");
                return 0;
            }
            boolean changes = prepared.plan().changesAnything();
            if (changes && !yes) {
                if (!console.stdinIsTerminal()) {
                    throw new Failure.Refused("stdin is not a terminal and --yes was not given, so nobody can confirm the plan;"
                            + " nothing was changed", "tether setup --yes (read the plan first with --dry-run)");
                }
                if (!console.confirm("Apply this plan?")) {
                    throw new Failure.Refused("not confirmed; nothing was changed", "tether setup (and answer y)");
                }
            }
            try {
                flow.apply(prepared, allowRunning, console.progressWanted() ? new ProgressLine(console.stderr()) : Progress.NONE);
            } catch (Failure f) {
                view.toJson(console.doc(), r -> changing(r.action()) ? (f.exitCode() == 5 ? "unfinished" : "rolled-back") : "unchanged");
                throw f;
            }
            view.toJson(console.doc(), r -> changing(r.action()) ? "done" : "unchanged");
            long moved = prepared.plan().actions().stream().filter(a -> a instanceof Action.Move).count();
            long linked = prepared.plan().actions().stream().filter(a -> a instanceof Action.Link).count();
            console.say(changes ? "Done: " + moved + " moved, " + linked + " linked. Check it any time with: tether verify"
                    : "Nothing to do: every item is already as planned.");
            return 0;
        }
    }

    private static boolean changing(String action) {
        return action.equals("move") || action.equals("link");
    }
}
