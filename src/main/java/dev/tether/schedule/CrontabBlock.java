package dev.tether.schedule;

import dev.tether.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * tether's block in a user's crontab, between two marker lines, and the one edit tether makes to a
 * crontab: insert, replace or remove that block, leaving every other line byte for byte. Pure.
 */
public final class CrontabBlock {
    public static final String BEGIN = "# >>> tether schedule (managed by tether; do not edit) >>>";
    public static final String END = "# <<< tether schedule <<<";

    private CrontabBlock() {
    }

    /** The block, marker lines included, each line ended by {@code \n}. */
    public static String render(JobCommand command, Schedule schedule) {
        for (String arg : command.argv()) {
            if (arg.indexOf('%') >= 0) {
                // cron turns an unescaped % into a line end, and how an escaped one reaches the shell differs between crons
                throw new Failure.BadInput("a crontab line cannot hold the % in '" + arg + "'; nothing was changed",
                        "move tether or the data to a path without %, or use a systemd user timer");
            }
        }
        String when = switch (schedule.cadence()) {
            case DAILY -> schedule.at().getMinute() + " " + schedule.at().getHour() + " * * *";
            case HOURLY -> schedule.at().getMinute() + " * * * *";
        };
        return BEGIN + "\n"
                + "# tether backup, " + schedule.describe() + "; `tether schedule off` removes this block\n"
                + when + " " + Quoting.shell(command.argv()) + "\n"
                + END + "\n";
    }

    /** tether's block in {@code crontab}, marker lines included, or empty. */
    public static Optional<String> find(String crontab) {
        List<String> lines = lines(crontab);
        int[] range = range(lines);
        return range == null ? Optional.empty() : Optional.of(String.join("", lines.subList(range[0], range[1])));
    }

    /**
     * {@code crontab} with tether's block replaced by {@code block} where it was, appended when there was
     * none, or removed when {@code block} is empty. Every other line keeps its bytes; a last line without
     * a line end gets one before an appended block, since a crontab line must end.
     *
     * @throws Failure.BadInput when a marker line stands without its partner (the block was edited by hand)
     */
    public static String apply(String crontab, Optional<String> block) {
        List<String> lines = lines(crontab);
        int[] range = range(lines);
        List<String> out = new ArrayList<>(lines);
        if (range != null) {
            out.subList(range[0], range[1]).clear();
            block.ifPresent(b -> out.add(range[0], b));
        } else if (block.isPresent()) {
            if (!out.isEmpty() && !out.get(out.size() - 1).endsWith("\n")) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "\n");
            }
            out.add(block.get());
        }
        return String.join("", out);
    }

    /** The crontab's lines, each with its own line end (none on a last line without one). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** [first, past-last) of the block's lines, or null when there is none. */
    private static int[] range(List<String> lines) {
        int begin = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.equals(BEGIN)) {
                if (begin >= 0) {
                    throw broken("two begin markers");
                }
                begin = i;
            } else if (line.equals(END)) {
                if (begin < 0) {
                    throw broken("an end marker without its begin marker");
                }
                for (int j = i + 1; j < lines.size(); j++) {
                    String rest = lines.get(j).strip();
                    if (rest.equals(BEGIN) || rest.equals(END)) {
                        throw broken("a second block");
                    }
                }
                return new int[] {begin, i + 1};
            }
        }
        if (begin >= 0) {
            throw broken("a begin marker without its end marker");
        }
        return null;
    }

    private static Failure.BadInput broken(String what) {
        return new Failure.BadInput("the crontab holds " + what + " of tether's block, so tether cannot tell which lines are"
                + " its own; nothing was changed", "crontab -e: remove the lines between '" + BEGIN + "' and '" + END
                + "' (the markers too), then run tether schedule again");
    }
}
