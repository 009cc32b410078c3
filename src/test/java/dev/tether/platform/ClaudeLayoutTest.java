package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link ClaudeLayout#of}: which processes are Claude Code, by executable and argv (argv[0] first), and
 * the look-alikes that are not. Arguments are separated by {@code ;} in the tables.
 */
class ClaudeLayoutTest {

    private static List<String> argv(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(";", -1));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} | {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // npm: the package's native executable, as measured with 2.1.332
        "NPM_BINARY|/home/me/.npm-global/lib/node_modules/@anthropic-ai/claude-code/bin/claude.exe"
                + "|/home/me/.npm-global/bin/claude;--resume",
        "NPM_BINARY|/home/me/.cache/x/node_modules/@anthropic-ai/claude-code/bin/claude.exe"
                + "|/home/me/.cache/x/node_modules/@anthropic-ai/claude-code/bin/claude.exe;--permission-mode;acceptEdits",
        "NPM_BINARY|C:\\Users\\me\\AppData\\Roaming\\npm\\node_modules\\@anthropic-ai\\claude-code\\bin\\claude.exe|claude",
        "NPM_BINARY|C:\\Users\\me\\.local\\bin\\CLAUDE.EXE|null",
        // the native installer: the executable is named after its version, argv[0] is claude
        "NATIVE_INSTALL|/home/me/.local/share/claude/versions/2.1.332|claude;-p;hello",
        "NATIVE_INSTALL|/home/me/.local/share/claude/versions/2.1.332|/home/me/.local/bin/claude",
        "NATIVE_INSTALL|/home/me/.local/share/claude/versions/2.1.332 (deleted)|null",
        "NATIVE_INSTALL|/Users/me/.local/share/claude/versions/2.1.332|/Users/me/.local/share/claude/versions/2.1.332",
        "NATIVE_INSTALL|/usr/local/bin/claude|null",
        "NATIVE_INSTALL|''|claude;--continue",
        // node running the package's cli.js
        "NODE_SCRIPT|/usr/bin/node|node;/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js",
        "NODE_SCRIPT|/usr/bin/node|node;--max-old-space-size=4096;/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js;-c",
        "NODE_SCRIPT|/usr/bin/node|node;-r;/opt/trace.js;/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js",
        "NODE_SCRIPT|/opt/homebrew/bin/node|node;/opt/homebrew/lib/node_modules/claude-code/cli.js",
        "NODE_SCRIPT|C:\\Program Files\\nodejs\\node.exe|node;C:\\Users\\me\\AppData\\Roaming\\npm\\node_modules\\@anthropic-ai\\claude-code\\cli.js",
    })
    void recognisesEachLayout(ClaudeLayout expected, String executable, String argv) {
        assertEquals(Optional.of(expected), ClaudeLayout.of(executable, argv(argv)));
    }

    @ParameterizedTest(name = "[{index}] {0} | {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        // decoys that merely name the client in an argument
        "/usr/bin/grep|grep;-r;@anthropic-ai/claude-code;/home/me",
        "/usr/bin/grep|grep;claude",
        "/usr/bin/less|less;/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js",
        "/usr/bin/less|less;/home/me/.local/bin/claude",
        "/usr/bin/timeout|timeout;60;/home/me/.cache/x/node_modules/@anthropic-ai/claude-code/bin/claude.exe;-p;hi",
        "/usr/bin/timeout|timeout;60;claude",
        "/usr/bin/npm|npm;view;@anthropic-ai/claude-code",
        "/usr/bin/node|node;/usr/lib/node_modules/npm/bin/npx-cli.js;@anthropic-ai/claude-code",
        "/usr/bin/node|node;/srv/app/server.js;/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js",
        "/usr/bin/node|node;-e;require('/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js')",
        "/usr/bin/node|node;--require;/usr/lib/node_modules/@anthropic-ai/claude-code/cli.js;/srv/app.js",
        "/usr/bin/node|node;/srv/my-claude-code/cli.js",
        "/usr/bin/vim|vim;/home/me/.claude/CLAUDE.md",
        "/bin/bash|/bin/bash;/home/me/bin/claude",
        // names that only look alike
        "/usr/local/bin/claude-helper|claude-helper;--daemon",
        "/opt/myclaude|myclaude",
        "/Applications/Claude.app/Contents/MacOS/Claude|/Applications/Claude.app/Contents/MacOS/Claude",
        "/home/me/.local/share/claude/old/2.1.332|x",
        "/home/me/versions/2.1.332|x",
        "null|null",
        "''|''",
    })
    void ignoresDecoysAndLookAlikes(String executable, String argv) {
        assertEquals(Optional.empty(), ClaudeLayout.of(executable, argv(argv)));
    }

    @Test
    void theScriptOfANodeCommandLineSkipsOptionsAndTheirValues() {
        assertEquals(Optional.of("app.js"), ClaudeLayout.script(List.of("node", "--inspect", "-r", "x.js", "app.js", "-r")));
        assertEquals(Optional.of("-weird.js"), ClaudeLayout.script(List.of("node", "--", "-weird.js")));
        assertEquals(Optional.empty(), ClaudeLayout.script(List.of("node", "-p", "1+1")));
        assertEquals(Optional.empty(), ClaudeLayout.script(List.of("node")));
    }
}
