package dev.tether.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.lang3.SystemUtils;

/**
 * Finds the running Claude Code processes that use a Claude data dir: moving data under a running
 * writer loses lines, so commands that move data refuse while one runs. This class records what the
 * machine shows (the process table, the data dir's {@code sessions/} folder); {@link ClaudeLayout} and
 * {@link ClaudeUsage} decide, as pure functions.
 */
public final class ClaudeProcesses {
    private ClaudeProcesses() {
    }

    /** A Claude Code process that uses the data dir, and why tether thinks so. */
    public record Seen(long pid, String command, String arguments, String reason) {
        public Seen(long pid, String command, String arguments) {
            this(pid, command, arguments, "");
        }
    }

    /** The Claude Code processes on this machine that use {@code claudeDir}. */
    public static List<Seen> using(Path claudeDir) {
        boolean linux = SystemUtils.IS_OS_LINUX && Files.isDirectory(Path.of("/proc/self"));
        LinuxProc proc = new LinuxProc(Path.of("/proc"));
        ClaudeUsage.Snapshot seen = new ClaudeUsage.Snapshot(table(linux ? proc : null), SessionFile.in(claudeDir),
                linux ? proc.pidDomain(Path.of("/")) : Optional.empty());
        return ClaudeUsage.using(claudeDir, seen, ClaudeProcesses::realPath);
    }

    /** Every other process, each marked as this user's or not; on Linux read from /proc, elsewhere from ProcessHandle. */
    private static List<ProcessRow> table(LinuxProc proc) {
        Optional<String> me = ProcessHandle.current().info().user();
        long self = ProcessHandle.current().pid();
        List<ProcessRow> rows = new ArrayList<>();
        ProcessHandle.allProcesses().filter(p -> p.pid() != self).forEach(p -> {
            ProcessHandle.Info info = p.info();
            boolean mine = me.isEmpty() || info.user().map(me.get()::equals).orElse(false);
            String command = info.command().orElse("");
            if (proc != null) {
                rows.add(proc.row(p.pid(), mine, command));
            } else {
                // ProcessHandle leaves argv[0] out; the executable stands in for it. The environment is not
                // readable here, so every Claude Code found counts unless a session file says more.
                List<String> argv = new ArrayList<>();
                argv.add(command);
                argv.addAll(List.of(info.arguments().orElse(new String[0])));
                rows.add(new ProcessRow(p.pid(), mine, command, argv, Optional.empty(), Optional.empty()));
            }
        });
        return rows;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
