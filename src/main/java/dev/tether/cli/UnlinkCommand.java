package dev.tether.cli;

import dev.tether.Context;
import dev.tether.apply.Progress;
import dev.tether.flow.Guard;
import dev.tether.flow.UnlinkFlow;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tether unlink}: back to real local files. */
@Command(name = "unlink", mixinStandardHelpOptions = true,
        description = "Bring linked items back to real local files. Only links tether recorded that still point at their"
                + " recorded target are touched; the synced copy stays unless --remove-synced.")
public final class UnlinkCommand extends ChangingCommand {
    @Option(names = "--item", paramLabel = "NAME", description = "only this linked item (repeatable)")
    List<String> items;

    @Option(names = "--remove-synced", description = "move the data back instead of copying (for the last machine)")
    boolean removeSynced;

    @Override
    int run(Console console, ChangeOptions.Run run) throws Exception {
        Context ctx = run.ctx();
        Guard guard = run.guard();
        UnlinkFlow flow = new UnlinkFlow(ctx);
        change.recoverFirst(console, flow, run);
        UnlinkFlow.Prepared prepared = flow.prepare(items == null ? List.of() : items, removeSynced);
        ItemView view = ItemView.ofUnlink(prepared.actions(), removeSynced);
        view.print(console, "Unlink plan for " + ctx.locations().claudeDir());
        if (prepared.retentionNote() != null) {
            String action = prepared.unretain().isPresent() ? "unretain" : "leave";
            console.say("  " + console.paint(String.format("%-8s ", action), prepared.unretain().isPresent()
                    ? Console.Paint.CYAN : Console.Paint.YELLOW) + "retention  " + prepared.retentionNote());
        }
        prepared.unhook().ifPresent(h -> console.say("  " + console.paint(String.format("%-8s ", "unhook"), Console.Paint.CYAN)
                + "hooks      remove tether's SessionStart and SessionEnd hooks from " + h.source()));
        view.toJson(console.doc(), r -> planned());
        putRetention(console, prepared, planned());
        if (prepared.state().isEmpty()) {
            console.say("This machine was never set up: nothing to unlink.");
        }
        if (change.dryRun) {
            console.say("Dry run: nothing was changed.");
            return 0;
        }
        if (prepared.changesAnything()) {
            console.requireYes("unlink", "Apply this plan?", change.yes);
        }
        try {
            flow.apply(prepared, guard, change.allowRunning,
                    console.progressWanted() ? new ProgressLine(console.stderr()) : Progress.NONE);
        } finally {
            view.toJson(console.doc(), r -> switch (r.action()) {
                case "restore" -> ctx.stateStore().load().flatMap(s -> s.item(r.name())).isPresent() ? "failed" : "done";
                case "leave" -> "left";
                default -> "failed";
            });
        }
        putRetention(console, prepared, prepared.unretain().isPresent() ? "done" : "unchanged");
        if (prepared.changesAnything()) {
            console.say("Done: the items are real local files again" + (removeSynced ? "." : "; the synced copy stays for other machines."));
        }
        return 0;
    }

    /** The {@code retention} object of the JSON document, when tether had added a value. */
    private static void putRetention(Console console, UnlinkFlow.Prepared prepared, String result) {
        if (prepared.retentionNote() == null) {
            return;
        }
        var o = console.doc().putObject("retention");
        o.put("action", prepared.unretain().isPresent() ? "unretain" : "leave");
        o.put("message", prepared.retentionNote());
        o.put("result", prepared.unretain().isPresent() ? result : "unchanged");
    }
}
