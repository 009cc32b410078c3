package dev.tether.find.render;

import dev.tether.find.Origin;
import dev.tether.find.SessionSummary;
import java.util.Locale;

/**
 * The conversation as a Markdown digest file: the session as a heading with a small table, each turn a
 * heading below it, text as written (it is Markdown already), tool calls as list items with the input
 * in code, tool output in fenced blocks, notes in italics. {@code level} is the session's heading level:
 * 1 for one session, 2 in a digest of many.
 */
public final class MarkdownFormat extends ConversationFormat {
    private final int level;
    private boolean listOpen;

    public MarkdownFormat(Appendable out, RenderOptions options, int level) {
        super(out, options);
        this.level = level;
    }

    @Override
    void header(SessionSummary s, Origin status) {
        write("#".repeat(level) + " Session " + s.id().substring(0, Math.min(8, s.id().length())) + " \u2014 "
                + escape(s.projectPath() == null ? s.projectKey() : s.projectPath()) + "\n\n");
        write("| | |\n|---|---|\n");
        write("| id | `" + s.id() + "` |\n");
        write("| project | " + code(s.projectPath() == null ? "?" : s.projectPath()) + " |\n");
        write("| time | " + dayTime(s.first().orElse(null), options.zone()) + " \u2192 "
                + dayTime(s.last().orElse(null), options.zone()) + " (" + options.zone().getId() + ") |\n");
        write(String.format(Locale.ROOT, "| size | %,d messages, %,d lines, %,d bytes |%n", s.messages(), s.lines(), s.bytes()));
        write("| status | " + status.id() + " |\n\n");
    }

    @Override
    void subagentHeading(String name) {
        closeList();
        write("#".repeat(level + 1) + " Subagent " + escape(name) + " (sidechain)\n\n");
    }

    @Override
    void heading(String who, String when, boolean sidechain) {
        closeList();
        String w = who.isEmpty() ? who : Character.toUpperCase(who.charAt(0)) + who.substring(1);
        write("#".repeat(level + 2) + " " + escape(w) + (when.isEmpty() ? "" : " \u00b7 " + when)
                + (sidechain ? " \u00b7 sidechain" : "") + "\n\n");
    }

    @Override
    void prose(String text) {
        closeList();
        if (!text.isBlank()) {
            write(text.strip() + "\n\n");
        }
    }

    @Override
    void folded(String what) {
        closeList();
        write("*" + escape(what) + "*\n\n");
    }

    @Override
    void toolCall(String name, String input) {
        write("- **" + escape(name) + "**" + (input.isEmpty() ? "" : " " + code(input)) + "\n");
        listOpen = true;
    }

    @Override
    void output(Cut cut) {
        closeList();
        String fence = fence(cut.kept());
        write(fence + "text\n" + cut.kept() + (cut.kept().isEmpty() || cut.kept().endsWith("\n") ? "" : "\n") + fence + "\n\n");
        if (cut.cut()) {
            write("*" + cut.note() + "*\n\n");
        }
    }

    @Override
    void note(String kind, String text, String when) {
        closeList();
        write("> *" + escape(kind) + (when.isEmpty() ? "" : " \u00b7 " + when) + "*" + (text.isEmpty() ? "" : " " + escape(text))
                + "\n\n");
    }

    @Override
    void broken(long number, String reason) {
        closeList();
        write("> **line " + number + " skipped:** " + escape(reason) + "\n\n");
    }

    @Override
    void footer() {
        closeList();
    }

    private void closeList() {
        if (listOpen) {
            write("\n");
            listOpen = false;
        }
    }

    /** A code fence longer than any run of backticks in the text. */
    private static String fence(String text) {
        return "`".repeat(Math.max(3, longestRun(text, '`') + 1));
    }

    /** Inline code that survives backticks inside (CommonMark: a longer delimiter, padded). */
    private static String code(String text) {
        String ticks = "`".repeat(longestRun(text, '`') + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return ticks + pad + text + pad + ticks;
    }

    private static int longestRun(String text, char c) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == c ? run + 1 : 0;
            best = Math.max(best, run);
        }
        return best;
    }

    /** Markdown's own characters in a one-line note or heading, escaped so they show as written. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
