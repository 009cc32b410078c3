package dev.tether.find.render;

import dev.tether.find.Entry;
import dev.tether.find.Origin;
import dev.tether.find.SessionSummary;

/**
 * A way to write sessions ({@code text}, {@code markdown}, {@code --json}); {@link Show} calls it in
 * reading order: {@code begin}, the session's lines, each subagent's lines after
 * {@code beginSubagent}, {@code end}. Formats write to what they were made with and never print.
 */
public interface SessionFormat {
    void begin(SessionSummary summary, Origin status);

    /** One line of the transcript, numbered from 1 (broken and blank lines included). */
    void line(Entry entry, long number);

    /** The lines that follow are a subagent's transcript ({@code <session>/subagents/<name>.jsonl}). */
    void beginSubagent(String name);

    void end();
}
