package dev.tether.cli;

import dev.tether.Main;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that changes files (setup, unlink, resolve, restore, config import). Each starts the same way:
 * its session, then a {@link ChangeOptions.Run} (the world it works in, read-only under {@code --dry-run},
 * and its guard, released when the command ends). That start is written once, here; a command writes only
 * what is its own in {@link #run}.
 */
abstract class ChangingCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ChangeOptions change;

    @Override
    public final Integer call() throws Exception {
        Session session = ((Main) spec.root().userObject()).session();
        try (ChangeOptions.Run run = change.begin(session, spec.qualifiedName(" ").substring(spec.root().name().length() + 1))) {
            return run(session.console(), run);
        }
    }

    /** The command's own work, in {@code run}'s world and under its guard. */
    abstract int run(Console console, ChangeOptions.Run run) throws Exception;

    /** How an action of this run's plan is marked before it is applied. */
    final String planned() {
        return change.dryRun ? "dry-run" : "pending";
    }
}
