package dev.tether.find.render;

import dev.tether.find.Block;
import dev.tether.find.BrokenLine;
import dev.tether.find.Entry;
import dev.tether.find.Origin;
import dev.tether.find.SessionSummary;
import dev.tether.find.Printable;
import dev.tether.find.TranscriptLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the text and markdown formats share: which line type is shown how. A user line's text is a
 * turn of the user; each tool result it carries is a turn of that tool's output (named after the call
 * it answers), cut when long; an assistant line's text is shown, its thinking folded, each tool call is
 * one line; consecutive assistant lines (Claude Code writes one per content block) are one turn.
 * {@code summary}, {@code system}, {@code attachment} and meta lines are notes; lines of other types
 * are counted by type and named in one note, so none is dropped silently; broken lines are named in place.
 */
abstract class ConversationFormat implements SessionFormat {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    protected final Appendable out;
    protected final RenderOptions options;
    private final Map<String, String> toolNames = new HashMap<>();
    private final Map<String, Integer> others = new LinkedHashMap<>();
    private LocalDate shownDay;
    private boolean inAssistantTurn;
    private boolean sidechain;

    ConversationFormat(Appendable out, RenderOptions options) {
        this.out = out;
        this.options = options;
    }

    abstract void header(SessionSummary summary, Origin status);

    abstract void subagentHeading(String name);

    /** A turn begins: who, when (may be empty), and whether it is a sidechain's. */
    abstract void heading(String who, String when, boolean sidechain);

    abstract void prose(String text);

    abstract void folded(String what);

    abstract void toolCall(String name, String input);

    abstract void output(Cut cut);

    abstract void note(String kind, String text, String when);

    abstract void broken(long number, String reason);

    abstract void footer();

    @Override
    public void begin(SessionSummary summary, Origin status) {
        header(new SessionSummary(summary.id(), summary.projectKey(), summary.projectPath() == null ? null
                : Printable.of(summary.projectPath()), summary.firstTimestamp(), summary.lastTimestamp(), summary.messages(),
                summary.lines(), summary.bytes(), summary.firstPrompt()), status);
    }

    @Override
    public void beginSubagent(String name) {
        flushOthers();
        inAssistantTurn = false;
        sidechain = true;
        subagentHeading(Printable.of(name));
    }

    @Override
    public void end() {
        flushOthers();
        footer();
    }

    @Override
    public void line(Entry entry, long number) {
        if (entry instanceof BrokenLine b) {
            if (!b.blank()) {
                flushOthers();
                inAssistantTurn = false;
                broken(number, Printable.of(b.reason()));
            }
            return;
        }
        TranscriptLine line = (TranscriptLine) entry;
        switch (line.type()) {
            case "user" -> user(line);
            case "assistant" -> assistant(line);
            case "summary" -> aNote(line, "summary", line.text("summary"));
            case "system" -> aNote(line, "system" + (line.text("subtype") == null ? "" : " (" + line.text("subtype") + ")"),
                    line.text("content"));
            case "attachment" -> aNote(line, "attachment", attachment(line));
            default -> others.merge(line.type().isEmpty() ? "(no type)" : line.type(), 1, Integer::sum);
        }
    }

    private void user(TranscriptLine line) {
        flushOthers();
        inAssistantTurn = false;
        if (line.message() == null) {
            aNote(line, "user", "(no message)");
            return;
        }
        if (line.meta()) {
            StringBuilder text = new StringBuilder();
            line.message().content().stream().filter(b -> b instanceof Block.Text)
                    .forEach(b -> text.append(((Block.Text) b).text()).append(' '));
            aNote(line, "meta", text.toString());
            return;
        }
        boolean headed = false;
        for (Block block : line.message().content()) {
            if (block instanceof Block.ToolResult r) {
                String tool = r.toolUseId() == null ? null : toolNames.get(r.toolUseId());
                heading((r.error() ? "tool error" : "tool output") + (tool == null ? "" : " \u00b7 " + tool), when(line),
                        isSidechain(line));
                headed = false;
                String text = Printable.of(r.text());
                output(options.full() ? Cut.of(text, Integer.MAX_VALUE, Integer.MAX_VALUE)
                        : Cut.of(text, options.outputLines(), options.outputChars()));
                continue;
            }
            if (!headed) {
                heading("user", when(line), isSidechain(line));
                headed = true;
            }
            blockBody(block, true);
        }
        if (line.message().content().isEmpty()) {
            heading("user", when(line), isSidechain(line));
        }
    }

    private void assistant(TranscriptLine line) {
        flushOthers();
        if (!inAssistantTurn) {
            heading("assistant", when(line), isSidechain(line));
            inAssistantTurn = true;
        }
        if (line.message() != null) {
            line.message().content().forEach(b -> blockBody(b, false));
        }
    }

    private void blockBody(Block block, boolean user) {
        if (block instanceof Block.Text t) {
            prose(Printable.of(user ? Commands.readable(t.text()) : t.text()));
        } else if (block instanceof Block.Thinking t) {
            long lines = t.text().isEmpty() ? 0 : t.text().lines().count();
            folded(String.format(java.util.Locale.ROOT, "thinking folded: %,d line%s, %,d characters", lines,
                    lines == 1 ? "" : "s", t.text().length()));
        } else if (block instanceof Block.ToolUse u) {
            if (u.id() != null) {
                toolNames.put(u.id(), u.name());
            }
            toolCall(Printable.of(u.name()), Printable.of(ToolInputs.main(u.name(), u.input())));
        } else if (block instanceof Block.Image i) {
            folded("image" + (i.mediaType() == null ? "" : " (" + i.mediaType() + ")") + " not shown");
        } else if (block instanceof Block.Other o) {
            folded("a block of type " + o.type() + " not shown");
        }
    }

    private void aNote(TranscriptLine line, String kind, String text) {
        flushOthers();
        inAssistantTurn = false;
        note(kind, text == null ? "" : Printable.of(ToolInputs.oneLine(text)), when(line));
    }

    private void flushOthers() {
        if (others.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        int total = 0;
        for (Map.Entry<String, Integer> e : others.entrySet()) {
            text.append(text.length() == 0 ? "" : ", ").append(e.getKey()).append(e.getValue() > 1 ? " \u00d7" + e.getValue() : "");
            total += e.getValue();
        }
        others.clear();
        inAssistantTurn = false;
        note(total == 1 ? "1 line not shown" : total + " lines not shown", Printable.of(text.toString()), "");
    }

    private static String attachment(TranscriptLine line) {
        String type = line.json().path("attachment").path("type").asText("");
        String file = line.json().path("attachment").path("filename").asText("");
        return (type.isEmpty() ? "(no type)" : type) + (file.isEmpty() ? "" : " " + file);
    }

    private boolean isSidechain(TranscriptLine line) {
        return sidechain || line.sidechain();
    }

    /** The time of a line: with its day the first time and when the day changes, else the time of day only. */
    String when(TranscriptLine line) {
        return when(line.timestamp());
    }

    String when(Instant t) {
        if (t == null) {
            return "";
        }
        ZonedDateTime z = t.atZone(options.zone());
        if (z.toLocalDate().equals(shownDay)) {
            return TIME.format(z);
        }
        shownDay = z.toLocalDate();
        return DAY_TIME.format(z);
    }

    static String dayTime(Instant t, java.time.ZoneId zone) {
        return t == null ? "?" : DAY_TIME.format(t.atZone(zone));
    }

    void write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
