package dev.tether.cli;

import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.apply.Progress;
import dev.tether.flow.UnlinkFlow;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tether unlink}: back to real local files. */
@Command(name = "unlink", mixinStandardHelpOptions = true,
        description = "Bring linked items back to real local files. Only links tether recorded that still point at their"
                + " recorded target are touched; the synced copy stays unless --remove-synced.")
public final class UnlinkCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--item", paramLabel = "NAME", description = "only this linked item (repeatable)")
    List<String> items;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "apply without asking")
    boolean yes;

    @Option(names = "--remove-synced", description = "move the data back instead of copying (for the last machine)")
    boolean removeSynced;

    @Option(names = "--allow-running", description = "go ahead even while a Claude Code process runs")
    boolean allowRunning;

    @Override
    public Integer call() throws Exception {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "unlink");
        console.doc().put("dryRun", dryRun);
        try (UnlinkFlow flow = new UnlinkFlow(session.ctx())) {
            UnlinkFlow.Prepared prepared = flow.prepare(items == null ? List.of() : items, removeSynced, dryRun, allowRunning);
            prepared.recovered().ifPresent(console::say);
            ItemView view = ItemView.ofUnlink(prepared.actions(), removeSynced);
            view.print(console, "Unlink plan for " + session.ctx().locations().claudeDir());
            view.toJson(console.doc(), r -> dryRun ? "dry-run" : "pending");
            if (prepared.state().isEmpty()) {
                console.say("This machine was never set up: nothing to unlink.");
            }
            if (dryRun) {
                console.say("Dry run: nothing was changed.");
                return 0;
            }
            if (prepared.changesAnything()) {
                console.requireYes("unlink", "Apply this plan?", yes);
            }
            try {
                flow.apply(prepared, allowRunning, console.progressWanted() ? new ProgressLine(console.stderr()) : Progress.NONE);
            } finally {
                view.toJson(console.doc(), r -> switch (r.action()) {
                    case "restore" -> session.ctx().stateStore().load().flatMap(s -> s.item(r.name())).isPresent() ? "failed" : "done";
                    case "leave" -> "left";
                    default -> "failed";
                });
            }
            if (prepared.changesAnything()) {
                console.say("Done: the items are real local files again" + (removeSynced ? "." : "; the synced copy stays for other machines."));
            }
            return 0;
        }
    }
}
