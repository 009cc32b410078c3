package dev.tether;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.cli.BackupCommand;
import dev.tether.cli.ConfigCommand;
import dev.tether.cli.Console;
import dev.tether.cli.DemoCommand;
import dev.tether.cli.DetectCommand;
import dev.tether.cli.Environment;
import dev.tether.cli.HookCommand;
import dev.tether.cli.ResolveCommand;
import dev.tether.cli.RestoreCommand;
import dev.tether.cli.ScheduleCommand;
import dev.tether.cli.SearchCommand;
import dev.tether.cli.Session;
import dev.tether.cli.SessionsCommand;
import dev.tether.cli.SetupCommand;
import dev.tether.cli.ShowCommand;
import dev.tether.cli.UnlinkCommand;
import dev.tether.cli.VerifyCommand;
import dev.tether.state.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options, the subcommands, and the mapping of typed failures to exit codes. */
@Command(name = "tether", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = "Keeps Claude Code history safe and shared across machines: moves chosen items of ~/.claude into a"
                + " cloud sync folder, leaves links in their place, checks the arrangement and rolls it back.",
        subcommands = {DetectCommand.class, SetupCommand.class, VerifyCommand.class, UnlinkCommand.class, ResolveCommand.class,
                BackupCommand.class, RestoreCommand.class, SessionsCommand.class, ShowCommand.class, SearchCommand.class,
                HookCommand.class, ScheduleCommand.class, ConfigCommand.class, DemoCommand.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done, or healthy",
            "1:verify or resolve found problems; detect found no sync root; search found nothing",
            "2:bad input (unknown option or item, forbidden item, unsafe layout); nothing changed",
            "3:refused for safety (Claude Code running, lock held, no terminal without --yes, not enough free space);"
                    + " nothing changed",
            "4:failed, and everything it had done was rolled back",
            "5:failed and not completely rolled back; the journal holds the run and the message says which command"
                    + " finishes or undoes it"})
public final class Main implements Runnable {
    @Option(names = "--claude-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Claude Code's data dir (default: $CLAUDE_CONFIG_DIR or ~/.claude)")
    String claudeDir;

    @Option(names = "--state-dir", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "this machine's tether state (default: $TETHER_STATE_DIR or the OS's state dir)")
    String stateDir;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print exactly one JSON document on stdout")
    boolean json;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "no colours (also NO_COLOR)")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "print only errors")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "print more detail")
    boolean verbose;

    private final Environment environment;

    Main(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(environment.out());
    }

    /** The session of this invocation: the resolved context and the console, built from the global options. */
    public Session session() {
        if (lastSession == null) {
            lastSession = Session.of(environment, claudeDir, stateDir, json, noColor, quiet, verbose);
        }
        return lastSession;
    }

    public Environment environment() {
        return environment;
    }

    public static void main(String[] args) {
        // Paths and transcripts hold any script: write UTF-8 whatever the locale says (under LANG=C Java's own
        // streams would print '?' for every letter outside ASCII, in text and in --json documents alike)
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                java.nio.charset.StandardCharsets.UTF_8));
        System.exit(run(args, Environment.system()));
    }

    /** Runs tether with the given arguments and world; returns the exit code. Never throws, never exits. */
    public static int run(String[] args, Environment environment) {
        Main main = new Main(environment);
        CommandLine cl = new CommandLine(main);
        cl.setOut(new java.io.PrintWriter(environment.out(), true));
        cl.setErr(new java.io.PrintWriter(environment.err(), true));
        boolean jsonAsked = List.of(args).contains("--json");
        cl.setParameterExceptionHandler((ex, argv) -> {
            environment.err().println("tether: " + ex.getMessage());
            environment.err().println("Try 'tether --help' for usage.");
            if (jsonAsked) {
                ObjectNode doc = Json.COMPACT.createObjectNode();
                doc.put("schema", 1);
                doc.put("command", commandName(ex.getCommandLine()));
                putError(doc, 2, ex.getMessage(), "tether --help");
                printDoc(environment, doc);
            }
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine, main));
        int code = cl.execute(args);
        Session session = main.lastSession;
        if (session != null && session.console().json()) {
            printDoc(environment, session.console().doc());
        }
        return code;
    }

    /** The session a command asked for; Main prints its JSON document once, at the end. */
    private Session lastSession;

    private static int handle(Exception ex, CommandLine commandLine, Main main) {
        Session session = main.lastSession;
        Environment env = main.environment;
        Throwable cause = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        int code;
        String message;
        String hint;
        if (cause instanceof Failure f) {
            code = f.exitCode();
            message = f.getMessage();
            hint = f.hint();
        } else if (cause instanceof IOException io) {
            code = 4;
            message = IoErrors.describe(io) + " (nothing was changed unless the output above says so)";
            hint = null;
        } else {
            code = 4;
            message = "unexpected error: " + cause + "; nothing was changed unless the output above says so";
            hint = "run again with -v for details, and report it";
        }
        env.err().println("tether: " + message);
        if (hint != null) {
            env.err().println("  fix: " + hint);
        }
        if (session != null && session.console().verbose()) {
            cause.printStackTrace(env.err());
        }
        if (session != null && session.console().json()) {
            ObjectNode doc = session.console().doc();
            if (!doc.has("command")) {
                doc.put("command", commandName(commandLine));
            }
            putError(doc, code, message, hint);
        }
        return code;
    }

    private static String commandName(CommandLine cl) {
        return cl == null || cl.getParent() == null ? null : cl.getCommandName();
    }

    private static void putError(ObjectNode doc, int code, String message, String hint) {
        ObjectNode error = doc.putObject("error");
        error.put("exitCode", code);
        error.put("message", message);
        error.put("hint", hint);
    }

    private static void printDoc(Environment env, ObjectNode doc) {
        try {
            env.out().println(Json.COMPACT.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            env.out().flush();
        } catch (IOException e) {
            env.err().println("tether: cannot write the JSON document: " + e.getMessage());
        }
    }

    /** Reads the version from the build. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tether " + Version.get()};
        }
    }
}
