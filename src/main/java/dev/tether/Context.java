package dev.tether;

import dev.tether.apply.Journal;
import dev.tether.layout.Locations;
import dev.tether.layout.Os;
import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.ClaudeProcesses;
import dev.tether.platform.Platform;
import dev.tether.state.StateStore;
import java.nio.file.FileSystem;
import java.util.List;
import java.util.Map;

/**
 * Everything the domain needs from the outside world, in one value: the file system, the
 * environment, the OS, the native platform, the resolved locations and the process probe.
 * Tests and the demo build their own.
 */
public record Context(FileSystem fs, Map<String, String> env, Os os, Platform platform, Locations locations,
        ClaudeProbe claudeProbe) {

    public StateStore stateStore() {
        return new StateStore(locations.stateDir());
    }

    public Journal journal() {
        return new Journal(locations.stateDir(), env.get("TETHER_CRASH_AT"));
    }

    /** Refuses (exit 3) while Claude Code runs, unless the user said {@code --allow-running}. */
    public void requireClaudeNotRunning(boolean allowRunning) {
        if (allowRunning) {
            return;
        }
        List<ClaudeProcesses.Seen> running = claudeProbe.using(locations.claudeDir());
        if (!running.isEmpty()) {
            ClaudeProcesses.Seen first = running.get(0);
            throw new Failure.Refused("Claude Code is running (pid " + first.pid() + ", " + first.command()
                    + (first.reason().isEmpty() ? "" : ": " + first.reason())
                    + "); moving its data now would lose lines. Nothing was changed",
                    "quit Claude Code and run the command again, or add --allow-running if that process does not use "
                            + locations.claudeDir());
        }
    }
}
