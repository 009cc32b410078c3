package dev.tether.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How a process can be a Claude Code, judged from its executable and its arguments only (never from a
 * substring of any argument: a {@code grep}, a pager or a {@code timeout} naming the client's path are not
 * the client). A pure function, tested on recorded process tables.
 */
public enum ClaudeLayout {
    /** npm's package: {@code .../@anthropic-ai/claude-code/bin/claude.exe}, a native executable (also Windows' {@code claude.exe}). */
    NPM_BINARY,
    /** The native installer: {@code ~/.local/bin/claude} links to {@code ~/.local/share/claude/versions/<version>}, so argv[0] is {@code claude}. */
    NATIVE_INSTALL,
    /** Older npm releases: {@code node .../@anthropic-ai/claude-code/cli.js}. */
    NODE_SCRIPT;

    private static final Set<String> NODE = Set.of("node", "node.exe", "nodejs");
    /** Node options followed by a value of their own (the script is the first argument that is neither). */
    private static final Set<String> NODE_OPTIONS_WITH_VALUE = Set.of("-r", "--require", "--import", "--loader",
            "--experimental-loader", "-C", "--conditions", "--inspect-port", "--debug-port", "--title", "--env-file",
            "--input-type", "--openssl-config", "--icu-data-dir", "--redirect-warnings", "--diagnostic-dir");
    /** Node options after which there is no script: the code comes from the command line or stdin. */
    private static final Set<String> NODE_NO_SCRIPT = Set.of("-e", "--eval", "-p", "--print", "-", "-i", "--interactive",
            "--test", "-v", "--version", "-h", "--help");

    /** The layout of a process, or empty when it is no Claude Code. */
    public static Optional<ClaudeLayout> of(String executable, List<String> argv) {
        String path = stripDeleted(executable == null ? "" : executable);
        String exe = fileName(path);
        String arg0 = argv.isEmpty() ? "" : fileName(argv.get(0));
        if (exe.equalsIgnoreCase("claude.exe") || arg0.equalsIgnoreCase("claude.exe")) {
            return Optional.of(NPM_BINARY);
        }
        if (exe.equals("claude") || arg0.equals("claude") || inVersionsFolder(path)) {
            return Optional.of(NATIVE_INSTALL);
        }
        if (NODE.contains(exe.toLowerCase(Locale.ROOT)) || NODE.contains(arg0.toLowerCase(Locale.ROOT))) {
            return script(argv).filter(ClaudeLayout::isClaudeScript).map(s -> NODE_SCRIPT);
        }
        return Optional.empty();
    }

    /** The script a {@code node} command line runs: the first argument after argv[0] that is no option or option value. */
    static Optional<String> script(List<String> argv) {
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("--")) {
                return i + 1 < argv.size() ? Optional.of(argv.get(i + 1)) : Optional.empty();
            }
            if (NODE_NO_SCRIPT.contains(a)) {
                return Optional.empty();
            }
            if (a.startsWith("-")) {
                if (NODE_OPTIONS_WITH_VALUE.contains(a)) {
                    i++;
                }
                continue;
            }
            return Optional.of(a);
        }
        return Optional.empty();
    }

    private static boolean isClaudeScript(String script) {
        String s = script.replace('\\', '/');
        int slash = s.lastIndexOf('/');
        String name = s.substring(slash + 1);
        String dir = slash < 0 ? "" : s.substring(0, slash);
        return (name.equals("cli.js") || name.equals("cli.mjs")) && (dir.equals("claude-code") || dir.endsWith("/claude-code"));
    }

    /** An executable at {@code .../claude/versions/<version>}, where the native installer keeps each release. */
    private static boolean inVersionsFolder(String executable) {
        String[] parts = executable.replace('\\', '/').split("/");
        int n = parts.length;
        return n >= 3 && !parts[n - 1].isEmpty() && parts[n - 2].equals("versions") && parts[n - 3].equals("claude");
    }

    /** Linux shows the executable of a process whose file was replaced (an upgrade) as {@code "<path> (deleted)"}. */
    private static String stripDeleted(String executable) {
        return executable.endsWith(" (deleted)") ? executable.substring(0, executable.length() - " (deleted)".length())
                : executable;
    }

    private static String fileName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
