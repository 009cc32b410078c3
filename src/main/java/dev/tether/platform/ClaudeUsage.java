package dev.tether.platform;

import dev.tether.platform.ClaudeProcesses.Seen;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The decision, a pure function of what the probe recorded: which Claude Code processes use a given
 * Claude data dir.
 *
 * <ol>
 * <li>A session file {@code sessions/<pid>.json} of that dir whose pid is a live Claude Code (started when
 * the file says, where both are known) is the exact sign: it counts, whoever runs it. A file whose pid is
 * gone, or is now some other program, is left over from a crash and means nothing.</li>
 * <li>Any other Claude Code of this user counts when its environment names this dir
 * ({@code CLAUDE_CONFIG_DIR}, else {@code HOME/.claude}), and also when its environment cannot be read
 * (macOS, Windows): moving data under a writer loses lines, so not knowing counts as using.</li>
 * </ol>
 */
public final class ClaudeUsage {
    private static final Pattern LINUX_DOMAIN = Pattern.compile("linux:([^:]*):pid:\\[([0-9]+)]");

    private ClaudeUsage() {
    }

    /**
     * What the probe saw.
     *
     * @param pidDomain where this process's pids are valid, in the form Claude Code writes as {@code pidDomain}
     *                  (Linux: {@code linux:<machine-id>:pid:[<pid namespace inode>]}); empty when unknown
     */
    public record Snapshot(List<ProcessRow> processes, List<SessionFile> sessions, Optional<String> pidDomain) {
        public Snapshot {
            processes = List.copyOf(processes);
            sessions = List.copyOf(sessions);
        }
    }

    /**
     * @param realPath resolves links in a path that exists (the system's {@code toRealPath}; identity in tests)
     */
    public static List<Seen> using(Path claudeDir, Snapshot seen, UnaryOperator<Path> realPath) {
        Map<Long, ProcessRow> byPid = new HashMap<>();
        for (ProcessRow p : seen.processes()) {
            byPid.put(p.pid(), p);
        }
        Map<Long, Seen> out = new LinkedHashMap<>();
        for (SessionFile s : seen.sessions()) {
            ProcessRow p = byPid.get(s.pid());
            if (p != null && isClaude(p) && sameDomain(s.pidDomain(), seen.pidDomain()) && sameStart(s, p)) {
                out.putIfAbsent(p.pid(), seenAs(p, "its session file " + s.path() + " is in this data dir"));
            }
        }
        Set<Path> ours = new HashSet<>(List.of(claudeDir.toAbsolutePath().normalize(), realPath.apply(claudeDir)));
        for (ProcessRow p : seen.processes()) {
            if (!p.mine() || out.containsKey(p.pid()) || !isClaude(p)) {
                continue;
            }
            Optional<String> reason = reasonToCount(p, claudeDir, ours, realPath);
            reason.ifPresent(why -> out.put(p.pid(), seenAs(p, why)));
        }
        return List.copyOf(out.values());
    }

    /** Why a Claude Code of this user counts, or empty when its environment names another data dir. */
    private static Optional<String> reasonToCount(ProcessRow p, Path claudeDir, Set<Path> ours, UnaryOperator<Path> realPath) {
        if (p.env().isEmpty()) {
            return Optional.of("which data dir it uses cannot be known here");
        }
        Map<String, String> env = p.env().get();
        String config = env.getOrDefault("CLAUDE_CONFIG_DIR", "");
        String home = env.getOrDefault("HOME", "");
        String named = !config.isEmpty() ? config : home.isEmpty() ? "" : home + "/.claude";
        String variable = !config.isEmpty() ? "CLAUDE_CONFIG_DIR" : "HOME";
        Path dir = named.isEmpty() ? null : claudeDir.getFileSystem().getPath(named);
        if (dir == null || !dir.isAbsolute()) {
            return Optional.of("which data dir it uses cannot be known here (" + variable + "=" + named + ")");
        }
        if (ours.contains(dir.normalize()) || ours.contains(realPath.apply(dir))) {
            return Optional.of("its " + variable + " names this data dir");
        }
        return Optional.empty();
    }

    private static boolean isClaude(ProcessRow p) {
        return ClaudeLayout.of(p.executable(), p.argv()).isPresent();
    }

    /** A pid reused by a later Claude Code has another start time than the one its file recorded. */
    private static boolean sameStart(SessionFile s, ProcessRow p) {
        return s.procStart().isEmpty() || p.startTime().isEmpty() || s.procStart().equals(p.startTime());
    }

    /**
     * False only when both domains are known Linux ones that differ: the file was written in another PID
     * namespace (a container) or on another machine (a shared data dir), where its pid means another
     * process. An unknown form counts as the same, so a format change never hides a client.
     */
    static boolean sameDomain(Optional<String> theirs, Optional<String> ours) {
        if (theirs.isEmpty() || ours.isEmpty()) {
            return true;
        }
        Matcher a = LINUX_DOMAIN.matcher(theirs.get());
        Matcher b = LINUX_DOMAIN.matcher(ours.get());
        if (!a.matches() || !b.matches()) {
            return true;
        }
        return a.group(1).equals(b.group(1)) && a.group(2).equals(b.group(2));
    }

    private static Seen seenAs(ProcessRow p, String reason) {
        return new Seen(p.pid(), p.command(), p.arguments(), reason);
    }
}
