package dev.tether.schedule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How each scheduler wants a command's words written, so that paths with spaces, quotes, {@code &},
 * {@code $} or letters outside ASCII reach tether as they are. Pure.
 */
final class Quoting {
    private Quoting() {
    }

    /** Characters no quoting language here gives a meaning to. */
    private static boolean plain(String arg) {
        if (arg.isEmpty()) {
            return false;
        }
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "_./:@+=,-".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** For {@code /bin/sh}, which runs a crontab line: single quotes, a quote inside as {@code '\''}. */
    static String shell(List<String> argv) {
        return argv.stream().map(a -> plain(a) ? a : "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    /**
     * For a systemd unit's {@code ExecStart=} (systemd.syntax, systemd.service "Command lines"): double
     * quotes with C-style escapes; {@code %} doubled everywhere (specifiers are expanded even inside
     * quotes) and {@code $} doubled in the arguments (variables are expanded there, not in the program).
     * systemd 252 refuses a program path holding {@code '}, {@code "} or {@code \} ("Executable name
     * contains special characters"), so such a path runs through {@code /usr/bin/env}, as an argument.
     */
    static String systemd(List<String> argv) {
        String program = argv.get(0);
        List<String> args = argv.subList(1, argv.size());
        if (program.chars().anyMatch(c -> c == '\'' || c == '"' || c == '\\')) {
            args = new java.util.ArrayList<>(argv);
            program = "/usr/bin/env";
        }
        StringBuilder sb = new StringBuilder(systemdWord(program).replace("%", "%%"));
        for (String a : args) {
            sb.append(' ').append(systemdWord(a).replace("%", "%%").replace("$", "$$"));
        }
        return sb.toString();
    }

    private static String systemdWord(String a) {
        return plain(a) ? a : "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * For a Windows command line as {@code CommandLineToArgvW} and the C runtime split it: an argument
     * with a space, a tab or a quote goes in double quotes; backslashes are literal except before a quote,
     * where they are doubled, and a quote inside is {@code \"}.
     */
    static String windows(List<String> argv) {
        return argv.stream().map(Quoting::windowsArg).collect(Collectors.joining(" "));
    }

    private static String windowsArg(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"')) {
            return arg;
        }
        StringBuilder sb = new StringBuilder("\"");
        int backslashes = 0;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\\') {
                backslashes++;
                continue;
            }
            if (c == '"') {
                sb.append("\\".repeat(2 * backslashes + 1)).append('"');
            } else {
                sb.append("\\".repeat(backslashes)).append(c);
            }
            backslashes = 0;
        }
        return sb.append("\\".repeat(2 * backslashes)).append('"').toString();
    }

    /** For XML text and attribute values (the plist, the task): the five predefined entities. */
    static String xml(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
