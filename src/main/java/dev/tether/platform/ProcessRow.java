package dev.tether.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One process as the Claude Code probe recorded it; a list of them is the table the pure decision
 * ({@link ClaudeUsage}) reads.
 *
 * @param mine       whether it runs as the current user
 * @param executable the executable's path as the OS reports it ("" when unknown)
 * @param argv       its arguments, {@code argv[0]} first (on Linux as the process was started; elsewhere the
 *                   executable stands in for {@code argv[0]})
 * @param startTime  when it started, in the form Claude Code writes as {@code procStart} in its session file
 *                   (Linux: clock ticks after boot, field 22 of {@code /proc/<pid>/stat}); empty when unknown
 * @param env        its {@code HOME} and {@code CLAUDE_CONFIG_DIR} when its environment could be read (Linux,
 *                   own processes); empty when not
 */
public record ProcessRow(long pid, boolean mine, String executable, List<String> argv, Optional<String> startTime,
        Optional<Map<String, String>> env) {

    public ProcessRow {
        executable = executable == null ? "" : executable;
        argv = List.copyOf(argv);
        env = env.map(Map::copyOf);
    }

    /** For messages: the program and its arguments. */
    public String arguments() {
        return String.join(" ", argv.size() > 1 ? argv.subList(1, argv.size()) : List.of());
    }

    /** For messages: the executable, else {@code argv[0]}. */
    public String command() {
        return !executable.isEmpty() ? executable : argv.isEmpty() ? "" : argv.get(0);
    }
}
