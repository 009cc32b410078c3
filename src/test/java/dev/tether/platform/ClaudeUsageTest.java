package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.platform.ClaudeProcesses.Seen;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link ClaudeUsage}: recorded process tables and session files in, the Claude Code processes that use
 * {@code /home/me/.claude} out. The rows are shaped as measured on Linux with Claude Code 2.1.332.
 */
class ClaudeUsageTest {
    private static final Path CLAUDE = Path.of("/home/me/.claude");
    private static final String NPM = "/home/me/.npm-global/lib/node_modules/@anthropic-ai/claude-code/bin/claude.exe";
    private static final String NATIVE = "/home/me/.local/share/claude/versions/2.1.332";
    private static final String DOMAIN = "linux:3d1219c7c4c5404aaa1f6d2a48adfda4:pid:[4026531836]";
    private static final Map<String, String> MY_ENV = Map.of("HOME", "/home/me");

    private final List<ProcessRow> table = new ArrayList<>();
    private final List<SessionFile> sessions = new ArrayList<>();

    // ---------------------------------------------------------------- a recorded machine

    private ClaudeUsageTest process(long pid, String exe, List<String> argv, Map<String, String> env) {
        table.add(new ProcessRow(pid, true, exe, argv, Optional.of("1000" + pid), Optional.ofNullable(env)));
        return this;
    }

    private ClaudeUsageTest othersProcess(long pid, String exe, List<String> argv) {
        table.add(new ProcessRow(pid, false, exe, argv, Optional.of("1000" + pid), Optional.empty()));
        return this;
    }

    private ClaudeUsageTest sessionFile(long pid, String procStart, String domain) {
        sessions.add(new SessionFile(CLAUDE.resolve("sessions").resolve(pid + ".json"), pid, Optional.ofNullable(procStart),
                Optional.ofNullable(domain), Optional.of("c41e7ae4-b1a7-46a6-84e7-55c9fe50dd51")));
        return this;
    }

    private ClaudeUsageTest decoys() {
        process(11, "/usr/bin/bash", List.of("-bash"), MY_ENV);
        process(12, "/usr/bin/grep", List.of("grep", "-r", "@anthropic-ai/claude-code", "/home/me"), MY_ENV);
        process(13, "/usr/bin/less", List.of("less", "/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js"), MY_ENV);
        process(14, "/usr/bin/timeout", List.of("timeout", "60", NPM, "-p", "hello"), MY_ENV);
        process(15, "/usr/bin/tmux", List.of("tmux", "new-session", "-d", "claude"), MY_ENV);
        return this;
    }

    private List<Long> pidsUsing(Path claudeDir) {
        return using(claudeDir, Optional.of(DOMAIN), p -> p).stream().map(Seen::pid).toList();
    }

    private List<Seen> using(Path claudeDir, Optional<String> ourDomain, UnaryOperator<Path> realPath) {
        return ClaudeUsage.using(claudeDir, new ClaudeUsage.Snapshot(table, sessions, ourDomain), realPath);
    }

    // ---------------------------------------------------------------- the layouts, found by environment

    @Test
    void theNpmClientOfThisHomeIsFound() {
        decoys().process(100, NPM, List.of(NPM, "--permission-mode", "acceptEdits"), MY_ENV);
        assertEquals(List.of(100L), pidsUsing(CLAUDE));
    }

    @Test
    void theNativeInstallersClientOfThisHomeIsFound() {
        decoys().process(101, NATIVE, List.of("claude", "-p", "hello"), MY_ENV);
        assertEquals(List.of(101L), pidsUsing(CLAUDE));
    }

    @Test
    void nodeRunningCliJsOfThisHomeIsFound() {
        decoys().process(102, "/usr/bin/node", List.of("node", "/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js"), MY_ENV);
        assertEquals(List.of(102L), pidsUsing(CLAUDE));
    }

    @Test
    void decoysNamingTheClientInTheirArgumentsAreNotFound() {
        decoys();
        assertEquals(List.of(), pidsUsing(CLAUDE));
    }

    @Test
    void aClientOfAnotherHomeIsNotFound() {
        process(100, NPM, List.of(NPM), Map.of("HOME", "/tmp/sandbox/home"));
        process(101, NATIVE, List.of("claude"), Map.of("HOME", "/home/other"));
        assertEquals(List.of(), pidsUsing(CLAUDE));
        assertEquals(List.of(100L), pidsUsing(Path.of("/tmp/sandbox/home/.claude")));
    }

    @Test
    void claudeConfigDirWinsOverHome() {
        process(100, NPM, List.of(NPM), Map.of("HOME", "/home/me", "CLAUDE_CONFIG_DIR", "/srv/claude-work"));
        process(101, NATIVE, List.of("claude"), Map.of("HOME", "/home/other", "CLAUDE_CONFIG_DIR", "/home/me/.claude"));
        assertEquals(List.of(101L), pidsUsing(CLAUDE));
        assertEquals(List.of(100L), pidsUsing(Path.of("/srv/claude-work")));
    }

    @Test
    void theDataDirIsComparedThroughLinks() {
        // /home is a link to /data/home on this machine: the client's HOME names the same dir another way
        process(100, NPM, List.of(NPM), Map.of("HOME", "/data/home/me"));
        UnaryOperator<Path> real = p -> Path.of(p.toString().replaceFirst("^/home/", "/data/home/"));
        assertEquals(1, using(CLAUDE, Optional.of(DOMAIN), real).size());
    }

    @Test
    void aClientWhoseEnvironmentCannotBeReadCounts() {
        // macOS and Windows, or a Linux process that is not dumpable: not knowing counts as using
        process(100, NATIVE, List.of("claude"), null);
        List<Seen> seen = using(CLAUDE, Optional.empty(), p -> p);
        assertEquals(List.of(100L), seen.stream().map(Seen::pid).toList());
        assertTrue(seen.get(0).reason().contains("cannot be known"), seen::toString);
    }

    @Test
    void aClientWithARelativeOrEmptyHomeCounts() {
        process(100, NPM, List.of(NPM), Map.of("HOME", ""));
        process(101, NPM, List.of(NPM), Map.of("CLAUDE_CONFIG_DIR", "work/.claude"));
        assertEquals(List.of(100L, 101L), pidsUsing(CLAUDE));
    }

    @Test
    void anotherUsersClientCountsOnlyByItsSessionFile() {
        othersProcess(100, NPM, List.of(NPM));
        assertEquals(List.of(), pidsUsing(CLAUDE));
        sessionFile(100, "1000100", DOMAIN);
        assertEquals(List.of(100L), pidsUsing(CLAUDE));
    }

    // ---------------------------------------------------------------- session files

    @Test
    void aLiveClientWithASessionFileHereCountsWhateverItsEnvironmentSays() {
        process(100, NPM, List.of(NPM), Map.of("HOME", "/home/other")).sessionFile(100, "1000100", DOMAIN);
        List<Seen> seen = using(CLAUDE, Optional.of(DOMAIN), p -> p);
        assertEquals(List.of(100L), seen.stream().map(Seen::pid).toList());
        assertTrue(seen.get(0).reason().contains("session file"), seen::toString);
    }

    @Test
    void aStaleSessionFileMeansNothing() {
        decoys().sessionFile(4242, "99", DOMAIN);
        assertEquals(List.of(), pidsUsing(CLAUDE));
    }

    @Test
    void aSessionFileWhosePidIsNowAnotherProgramMeansNothing() {
        decoys().sessionFile(12, "100012", DOMAIN); // pid 12 is the grep now
        assertEquals(List.of(), pidsUsing(CLAUDE));
    }

    @Test
    void aSessionFileOfAnEarlierClientWithTheSamePidMeansNothing() {
        // the pid was reused by a client of another home, started later than the one that wrote the file
        process(100, NPM, List.of(NPM), Map.of("HOME", "/home/other")).sessionFile(100, "55", DOMAIN);
        assertEquals(List.of(), pidsUsing(CLAUDE));
    }

    @Test
    void aSessionFileWrittenInAnotherPidNamespaceMeansNothing() {
        process(100, NPM, List.of(NPM), Map.of("HOME", "/home/other"))
                .sessionFile(100, "1000100", "linux:3d1219c7c4c5404aaa1f6d2a48adfda4:pid:[4026532999]");
        assertEquals(List.of(), pidsUsing(CLAUDE));
    }

    @Test
    void aSessionFileOfAnUnknownDomainFormIsTrusted() {
        process(100, NPM, List.of(NPM), Map.of("HOME", "/home/other")).sessionFile(100, null, "darwin:whatever");
        assertEquals(List.of(100L), pidsUsing(CLAUDE));
    }

    @Test
    void eachClientIsReportedOnce() {
        process(100, NPM, List.of(NPM), MY_ENV).sessionFile(100, "1000100", DOMAIN).sessionFile(100, null, null);
        assertEquals(List.of(100L), pidsUsing(CLAUDE));
    }
}
