package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Failure;
import dev.tether.state.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Where output goes. Text mode: results on stdout, progress and errors on stderr. JSON mode: exactly
 * one document on stdout (built up in {@link #doc()} and printed once by {@code Main}), messages for
 * people on stderr.
 */
public final class Console {
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final boolean json;
    private final boolean quiet;
    private final boolean verbose;
    private final boolean color;
    /** Asked on first use: asking loads the C library (tens of milliseconds), which most commands never need. */
    private final Lazy stdinTty;
    private final Lazy stderrTty;
    private final ObjectNode doc = Json.COMPACT.createObjectNode();

    Console(Environment env, boolean json, boolean quiet, boolean verbose, boolean color, boolean stdinTty, boolean stderrTty) {
        this(env, json, quiet, verbose, color, () -> stdinTty, () -> stderrTty);
    }

    /** Whether stdin and stderr are terminals is asked only when a command needs to know. */
    Console(Environment env, boolean json, boolean quiet, boolean verbose, boolean color, BooleanSupplier stdinTty,
            BooleanSupplier stderrTty) {
        this.out = env.out();
        this.err = env.err();
        this.in = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8));
        this.json = json;
        this.quiet = quiet;
        this.verbose = verbose;
        this.color = color;
        this.stdinTty = new Lazy(stdinTty);
        this.stderrTty = new Lazy(stderrTty);
        doc.put("schema", 1);
    }

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean stdinIsTerminal() {
        return stdinTty.get();
    }

    /** The JSON document of this run. */
    public ObjectNode doc() {
        return doc;
    }

    /** A result line for people: stdout in text mode, stderr under {@code --json}; nothing under {@code --quiet}. */
    public void say(String line) {
        if (!quiet) {
            (json ? err : out).println(line);
        }
    }

    /** Detail shown only with {@code -v}. */
    public void detail(String line) {
        if (verbose && !quiet) {
            err.println(line);
        }
    }

    /** An error or warning for people: always stderr. */
    public void error(String line) {
        err.println(line);
    }

    /** A progress line is drawn only for a person watching a terminal. */
    public boolean progressWanted() {
        return !json && !quiet && stderrTty.get();
    }

    PrintStream stderr() {
        return err;
    }

    PrintStream stdout() {
        return out;
    }

    /**
     * Gets the person's yes before a change: nothing to ask with {@code --yes}; without a terminal to
     * ask on, refuses (exit 3) with nothing changed; a "no" refuses too.
     */
    public void requireYes(String command, String question, boolean yes) throws IOException {
        if (yes) {
            return;
        }
        if (!stdinTty.get()) {
            throw new Failure.Refused("stdin is not a terminal and --yes was not given, so nobody can confirm the plan;"
                    + " nothing was changed", "tether " + command + " --yes (read the plan first with --dry-run)");
        }
        if (!confirm(question)) {
            throw new Failure.Refused("not confirmed; nothing was changed", "tether " + command + " (and answer y)");
        }
    }

    /** Asks a yes/no question on stderr and reads the answer from stdin. */
    public boolean confirm(String question) throws IOException {
        err.print(question + " [y/N] ");
        err.flush();
        String answer = in.readLine();
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /**
     * Lists numbered options on stderr and reads the number of one from stdin; returns its index, or -1 when
     * the answer is empty or not one of the numbers.
     */
    public int choose(String question, List<String> options) throws IOException {
        for (int i = 0; i < options.size(); i++) {
            err.println("  " + (i + 1) + ") " + options.get(i));
        }
        err.print(question + " [1-" + options.size() + "] ");
        err.flush();
        String answer = in.readLine();
        try {
            int n = answer == null ? 0 : Integer.parseInt(answer.trim());
            return n >= 1 && n <= options.size() ? n - 1 : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Paints text with an ANSI colour when colour is on. */
    public String paint(String text, Paint paint) {
        return color ? "\u001b[" + paint.code + "m" + text + "\u001b[0m" : text;
    }

    /** The colours tether uses. */
    public enum Paint {
        GREEN("32"), YELLOW("33"), RED("31"), CYAN("36"), DIM("2"), BOLD("1");

        final String code;

        Paint(String code) {
            this.code = code;
        }
    }

    /** A yes or no asked once, on first use. */
    private static final class Lazy {
        private BooleanSupplier ask;
        private boolean answer;

        Lazy(BooleanSupplier ask) {
            this.ask = ask;
        }

        synchronized boolean get() {
            if (ask != null) {
                answer = ask.getAsBoolean();
                ask = null;
            }
            return answer;
        }
    }
}
