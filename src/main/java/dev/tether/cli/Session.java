package dev.tether.cli;

import dev.tether.Context;
import dev.tether.layout.Locations;
import dev.tether.layout.Os;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** One invocation's resolved context (where things are) and console (where output goes). */
public record Session(Context ctx, Console console) {

    public static Session of(Environment env, String claudeDir, String stateDir, boolean json, boolean noColor, boolean quiet,
            boolean verbose) {
        Os os = env.platform().os();
        Locations locations = Locations.resolve(env.fs(), env.env(), os, claudeDir, stateDir, env.userHome());
        String noColorVar = env.env().get("NO_COLOR");
        boolean color = !noColor && (noColorVar == null || noColorVar.isEmpty()) && !json && env.platform().isTerminal(1)
                && env.out() == System.out;
        BooleanSupplier stdinTty = () -> env.in() == System.in && env.platform().isTerminal(0);
        BooleanSupplier stderrTty = () -> env.err() == System.err && env.platform().isTerminal(2);
        Console console = new Console(env, json, quiet, verbose, color, stdinTty, stderrTty);
        Path managed = env.managedSettings() != null ? env.managedSettings() : Locations.managedSettings(env.fs(), os);
        return new Session(new Context(env.fs(), env.env(), os, env.platform(), locations, env.claudeProbe(), env.freeSpace(),
                managed), console);
    }
}
