package dev.tether.platform;

import java.nio.file.Path;
import java.util.List;

/**
 * Which running Claude Code processes use a given Claude data dir. Commands that move data ask it
 * before the first change; tests and the demo hand in their own.
 */
@FunctionalInterface
public interface ClaudeProbe {
    /** The Claude Code processes that use {@code claudeDir} (or may: where that cannot be known, they count). */
    List<ClaudeProcesses.Seen> using(Path claudeDir);

    /** Sees no Claude Code: for tests and sandboxes that no real client can use. */
    ClaudeProbe NONE = claudeDir -> List.of();

    /** This machine's processes and the data dir's {@code sessions/} folder. */
    static ClaudeProbe system() {
        return ClaudeProcesses::using;
    }
}
