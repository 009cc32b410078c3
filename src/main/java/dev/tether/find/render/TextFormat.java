package dev.tether.find.render;

import dev.tether.find.Origin;
import dev.tether.find.SessionSummary;
import java.util.Locale;

/**
 * The conversation for reading in a terminal: a header, then each turn under a heading that says who
 * and when, its text indented, a tool call as one line ({@code ▸ Bash  mvn -q test}), tool output
 * behind a bar and cut when long, notes as single lines starting with a dot.
 */
public final class TextFormat extends ConversationFormat {
    private final Style style;
    private boolean noteLast;

    public TextFormat(Appendable out, RenderOptions options, Style style) {
        super(out, options);
        this.style = style;
    }

    @Override
    void header(SessionSummary s, Origin status) {
        write(style.speaker("session " + s.id()) + "  " + style.dim("(" + status.id() + ")") + "\n");
        write("  project   " + (s.projectPath() == null ? "?" : s.projectPath()) + "\n");
        write("  folder    " + s.projectKey() + "\n");
        write("  time      " + dayTime(s.first().orElse(null), options.zone()) + " \u2192 "
                + dayTime(s.last().orElse(null), options.zone()) + " (" + options.zone().getId() + ")\n");
        write(String.format(Locale.ROOT, "  size      %,d messages, %,d lines, %,d bytes%n", s.messages(), s.lines(), s.bytes()));
        noteLast = false;
    }

    @Override
    void subagentHeading(String name) {
        write("\n" + style.speaker("\u2550\u2550 subagent " + name + " (sidechain) \u2550\u2550") + "\n");
        noteLast = true;
    }

    @Override
    void heading(String who, String when, boolean sidechain) {
        write("\n" + (when.isEmpty() ? "" : style.dim(when) + "  ") + style.speaker(who)
                + (sidechain ? style.dim("  (sidechain)") : "") + "\n");
        noteLast = false;
    }

    @Override
    void prose(String text) {
        indented(text.strip(), "  ");
    }

    @Override
    void folded(String what) {
        write("  " + style.dim("[" + what + "]") + "\n");
    }

    @Override
    void toolCall(String name, String input) {
        write("  " + style.tool("\u25b8 " + name) + (input.isEmpty() ? "" : "  " + input) + "\n");
    }

    @Override
    void output(Cut cut) {
        indented(cut.kept(), "  \u2502 ");
        if (cut.cut()) {
            write("  \u2502 " + style.dim(cut.note()) + "\n");
        }
    }

    @Override
    void note(String kind, String text, String when) {
        write((noteLast ? "" : "\n") + (when.isEmpty() ? "" : style.dim(when) + "  ") + style.dim("\u00b7 " + kind
                + (text.isEmpty() ? "" : ": ")) + text + "\n");
        noteLast = true;
    }

    @Override
    void broken(long number, String reason) {
        write((noteLast ? "" : "\n") + style.warn("! line " + number + " skipped: " + reason) + "\n");
        noteLast = true;
    }

    @Override
    void footer() {
        write("\n");
    }

    private void indented(String text, String prefix) {
        if (text.isEmpty()) {
            return;
        }
        for (String line : text.split("\n", -1)) {
            write(prefix + line.stripTrailing() + "\n");
        }
    }
}
