package dev.tether.cli;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.apply.Progress;
import dev.tether.detect.Provider;
import dev.tether.detect.SyncRoot;
import dev.tether.flow.Guard;
import dev.tether.flow.RootChoice;
import dev.tether.flow.SetupFlow;
import dev.tether.retention.Retention;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tether setup}: show the plan, confirm, apply. */
@Command(name = "setup", mixinStandardHelpOptions = true,
        description = "Move the chosen items into the synced folder and leave links in their place. Shows the whole plan"
                + " first and changes nothing if any item cannot be handled safely.")
public final class SetupCommand extends ChangingCommand {
    @Option(names = "--sync-root", paramLabel = "DIR", description = "the folder your sync client syncs (default: --provider's,"
            + " else the recorded one, else the one tether detect finds)")
    String syncRoot;

    @Option(names = "--provider", paramLabel = "ID", converter = ProviderOption.Converter.class,
            completionCandidates = ProviderOption.Ids.class,
            description = "use the folder of this sync client, as tether detect finds it: ${COMPLETION-CANDIDATES}")
    Provider provider;

    @Option(names = "--folder", paramLabel = "NAME", description = "folder inside the sync root (default: .claude-session-backup)")
    String folder;

    @Option(names = "--item", paramLabel = "NAME", description = "an item of the Claude data dir to link (repeatable;"
            + " default: the recorded items, else history.jsonl, projects, file-history, .archive, .planning, tasks)")
    List<String> items;

    @Option(names = "--no-retain", description = "leave Claude Code's cleanupPeriodDays alone (by default setup sets it to"
            + " 36500 when nobody chose a value, so old transcripts are not deleted through the links)")
    boolean noRetain;

    @Option(names = "--no-hooks", description = "do not add tether's SessionStart and SessionEnd hooks to settings.json")
    boolean noHooks;

    @Override
    int run(Console console, ChangeOptions.Run run) throws Exception {
        Context ctx = run.ctx();
        Guard guard = run.guard();
        SetupFlow flow = new SetupFlow(ctx);
        change.recoverFirst(console, flow, run);
        SetupFlow.Prepared prepared = flow.prepare(new SetupFlow.Request(syncRoot, provider, folder, items, noRetain, noHooks),
                console.stdinIsTerminal() ? roots -> askForRoot(console, roots) : RootChoice.NO_TERMINAL);
        if (prepared.root().source() != RootChoice.Source.OPTION) {
            console.say("Sync root: " + prepared.root().root() + " (" + prepared.root().because() + ")");
        }
        console.doc().put("syncRootFrom", prepared.root().source().id());
        console.doc().put("syncRoot", prepared.layout().syncRoot().toString());
        console.doc().put("syncedFolder", prepared.layout().syncedFolder().toString());
        ItemView view = ItemView.ofSetup(prepared.plan().actions());
        view.print(console, "Plan: " + prepared.layout().claudeDir() + " -> " + prepared.layout().syncedFolder());
        RetentionView retention = RetentionView.of(prepared.plan().retention());
        retention.print(console);
        HooksView hooks = HooksView.of(prepared.plan().hooks());
        hooks.print(console);
        boolean refused = !prepared.plan().refusals().isEmpty();
        String planned = refused ? "not-run" : planned();
        view.toJson(console.doc(), r -> refused ? (r.action().equals("refuse") ? "refused" : "not-run") : planned);
        retention.toJson(console.doc(), planned);
        hooks.toJson(console.doc(), planned);
        prepared.requireNoRefusals();
        if (change.dryRun) {
            console.say("Dry run: nothing was changed.");
            return 0;
        }
        boolean changes = prepared.plan().changesAnything();
        if (changes) {
            console.requireYes("setup", "Apply this plan?", change.yes);
        }
        List<Path> kept;
        try {
            kept = flow.apply(prepared, guard, change.allowRunning,
                    console.progressWanted() ? new ProgressLine(console.stderr()) : Progress.NONE);
        } catch (Failure f) {
            String failed = f.exitCode() == 5 ? "unfinished" : "rolled-back";
            view.toJson(console.doc(), r -> changing(r.action()) ? failed : "unchanged");
            retention.toJson(console.doc(), prepared.plan().retention().changes() ? failed : "unchanged");
            hooks.toJson(console.doc(), prepared.plan().hooks().changes() ? failed : "unchanged");
            throw f;
        }
        view.toJson(console.doc(), r -> changing(r.action()) ? "done" : "unchanged");
        retention.toJson(console.doc(), prepared.plan().retention().changes() ? "done" : "unchanged");
        hooks.toJson(console.doc(), prepared.plan().hooks().changes() ? "done" : "unchanged");
        var keptJson = console.doc().putArray("kept");
        kept.forEach(p -> keptJson.add(p.toString()));
        for (Path p : kept) {
            console.say("  kept: " + p + " (differs from its synced copy; the synced one stays)");
        }
        console.say(changes ? "Done: " + count(prepared, "move") + " moved, " + count(prepared, "link") + " linked, "
                + count(prepared, "merge") + " merged, " + count(prepared, "relink") + " relinked"
                + (prepared.plan().retention().changes() ? ", " + Retention.KEY + " set to " + Retention.KEEP_ALL : "")
                + (prepared.plan().hooks().changes() ? ", hooks added" : "")
                + ". Check it any time with: tether verify" : "Nothing to do: every item is already as planned.");
        return 0;
    }

    /** Several roots and a person at the terminal: let them choose. */
    static SyncRoot askForRoot(Console console, List<SyncRoot> roots) throws IOException {
        console.error("Several sync roots were found:");
        int chosen = console.choose("Which one should hold your Claude data?", roots.stream().map(SyncRoot::describe).toList());
        if (chosen < 0) {
            throw new Failure.Refused("no sync root was chosen; nothing was changed",
                    "tether setup --provider ID, or --sync-root DIR");
        }
        return roots.get(chosen);
    }

    private static boolean changing(String action) {
        return List.of("move", "link", "merge", "relink").contains(action);
    }

    private static long count(SetupFlow.Prepared prepared, String action) {
        return prepared.plan().actions().stream().filter(a -> a.name().equals(action)).count();
    }
}
