package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link ClaudeProcesses#isClaude}: which processes are Claude Code, and the look-alikes that are not. */
class ClaudeProcessesTest {

    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "claude|null",
        "/usr/local/bin/claude|null",
        "/home/me/.local/share/claude/versions/2.0.1/claude|--resume",
        "claude.exe|null",
        "C:\\Users\\me\\AppData\\Local\\claude\\claude.exe|null",
        "C:\\Tools\\CLAUDE.EXE|null",
        "/usr/bin/node|/usr/bin/node /usr/lib/node_modules/@anthropic-ai/claude-code/cli.js",
        "node|node /home/me/.npm-global/lib/node_modules/@anthropic-ai/claude-code/cli.js --continue",
        "/opt/homebrew/bin/node|node /opt/homebrew/lib/node_modules/claude-code/cli.js",
        "C:\\Program Files\\nodejs\\node.exe|node C:/Users/me/AppData/Roaming/npm/node_modules/@anthropic-ai/claude-code/cli.js",
        "null|npx @anthropic-ai/claude-code",
    })
    void recognisesClaudeCode(String command, String arguments) {
        assertTrue(ClaudeProcesses.isClaude(command, arguments));
    }

    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "claude-helper|null",
        "/usr/local/bin/claude-helper|--daemon",
        "myclaude|null",
        "/opt/myclaude|null",
        "/usr/bin/node|node other.js",
        "node|node /srv/app/server.js --name claude",
        "/Applications/Claude.app/Contents/MacOS/Claude|null",
        "/usr/bin/vim|vim /home/me/.claude/CLAUDE.md",
        "null|null",
        "''|''",
    })
    void ignoresLookAlikes(String command, String arguments) {
        assertFalse(ClaudeProcesses.isClaude(command, arguments));
    }
}
