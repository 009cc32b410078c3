package dev.tether.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds running Claude Code processes of this user: an executable named {@code claude} (or
 * {@code claude.exe}), or a {@code node} process running {@code @anthropic-ai/claude-code} or
 * {@code claude-code/cli.js}. Moving data under a running writer loses lines, so setup refuses.
 */
public final class ClaudeProcesses {
    private ClaudeProcesses() {
    }

    /** A process as the probe sees it. */
    public record Seen(long pid, String command, String arguments) {
    }

    /** The decision for one process, a pure function. */
    public static boolean isClaude(String command, String arguments) {
        if (command != null && !command.isEmpty()) {
            String name = Path.of(command.replace('\\', '/')).getFileName().toString();
            if (name.equals("claude") || name.equalsIgnoreCase("claude.exe")) {
                return true;
            }
        }
        String args = arguments == null ? "" : arguments;
        return args.contains("@anthropic-ai/claude-code") || args.contains("claude-code/cli.js");
    }

    /** The running Claude Code processes of the current user. */
    public static List<Seen> running() {
        Optional<String> me = ProcessHandle.current().info().user();
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> me.isEmpty() || p.info().user().map(me.get()::equals).orElse(false))
                .map(p -> new Seen(p.pid(), p.info().command().orElse(""),
                        String.join(" ", p.info().arguments().orElse(new String[0]))))
                .filter(s -> isClaude(s.command(), s.arguments()))
                .toList();
    }
}
