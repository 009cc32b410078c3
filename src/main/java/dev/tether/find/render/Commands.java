package dev.tether.find.render;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Claude Code records a slash command the user typed as tagged text
 * ({@code <command-name>/model</command-name><command-message>…</command-message><command-args>…</command-args>})
 * and its output as {@code <local-command-stdout>…</local-command-stdout>}; shown as the user typed
 * and saw them. Any other text is left as it is.
 */
final class Commands {
    private static final Pattern NAME = Pattern.compile("<command-name>(.*?)</command-name>", Pattern.DOTALL);
    private static final Pattern ARGS = Pattern.compile("<command-args>(.*?)</command-args>", Pattern.DOTALL);
    private static final Pattern STDOUT = Pattern.compile("^\\s*<local-command-stdout>(.*?)</local-command-stdout>\\s*$",
            Pattern.DOTALL);

    private Commands() {
    }

    static String readable(String text) {
        Matcher name = NAME.matcher(text);
        if (text.stripLeading().startsWith("<command-") && name.find()) {
            Matcher args = ARGS.matcher(text);
            String a = args.find() ? args.group(1).strip() : "";
            return name.group(1).strip() + (a.isEmpty() ? "" : " " + a);
        }
        Matcher stdout = STDOUT.matcher(text);
        if (stdout.matches()) {
            return "(command output) " + stdout.group(1).strip();
        }
        return text;
    }
}
