package dev.tether.schedule;

import dev.tether.Failure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the scheduled job runs: this very tether by its absolute path (the native binary, or Java with
 * {@code -jar} and the jar), with {@code backup --quiet} and the data dir and state dir pinned, because
 * a job starts without the shell's variables ({@code CLAUDE_CONFIG_DIR}, {@code TETHER_STATE_DIR}) and
 * must back up what the user scheduled it for.
 */
public record JobCommand(List<String> argv) {
    public JobCommand {
        argv = List.copyOf(argv);
        for (String arg : argv) {
            for (int i = 0; i < arg.length(); i++) {
                if (Character.isISOControl(arg.charAt(i))) {
                    // a line end would end the crontab line or the unit's ExecStart; XML 1.0 cannot hold most controls
                    throw new Failure.BadInput("the job's command would hold a control character (in '" + arg.strip()
                            + "'); nothing was changed", "move tether or the data to a path without one");
                }
            }
        }
    }

    /**
     * Computes the job's command from what the running process knows of itself.
     *
     * @param executable the process's executable, absolute ({@code ProcessHandle.current().info().command()})
     * @param codeSource where tether's classes came from: the jar for {@code java -jar}, a folder when run from
     *     classes, empty in a native image
     * @param claudeDir the Claude data dir this run resolved
     * @param stateDir the state dir this run resolved
     * @throws Failure.BadInput when tether cannot say how to start itself again
     */
    public static JobCommand of(Optional<Path> executable, Optional<Path> codeSource, Path claudeDir, Path stateDir) {
        return of(executable, codeSource, List.of("backup", "--quiet", "--claude-dir", claudeDir.toString(),
                "--state-dir", stateDir.toString()));
    }

    /** This tether, started again with {@code arguments}: the program (and {@code -jar} with the jar), then them. */
    public static JobCommand of(Optional<Path> executable, Optional<Path> codeSource, List<String> arguments) {
        Path exe = executable.filter(Path::isAbsolute).orElseThrow(() -> new Failure.BadInput(
                "tether cannot tell where its own program is, so it cannot schedule itself; nothing was changed",
                "run tether by its full path (the native binary, or java -jar with the jar's path)"));
        List<String> argv = new ArrayList<>();
        argv.add(exe.toString());
        if (isJava(exe)) {
            Path jar = codeSource.filter(p -> p.isAbsolute() && p.getFileName() != null
                    && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .orElseThrow(() -> new Failure.BadInput("this tether runs from compiled classes, not from a jar or the"
                            + " native binary, so a scheduled job could not start it; nothing was changed",
                            "build the jar (mvn -B -DskipTests package) and run: java -jar target/tether.jar schedule ..."));
            argv.add("-jar");
            argv.add(jar.toString());
        }
        argv.addAll(arguments);
        return new JobCommand(argv);
    }

    /** {@link #of} with what this process knows of itself: its executable, and where its classes came from. */
    public static JobCommand ofThisProcess(Path claudeDir, Path stateDir) {
        return of(thisExecutable(), codeSource(), claudeDir, stateDir);
    }

    /** This tether with {@code arguments}, as this process can start itself again. */
    public static JobCommand ofThisProcess(List<String> arguments) {
        return of(thisExecutable(), codeSource(), arguments);
    }

    private static Optional<Path> thisExecutable() {
        return ProcessHandle.current().info().command().map(Path::of).or(JobCommand::procSelfExe);
    }

    /** Linux's own answer, should the process handle have none (a runtime that does not fill it in). */
    private static Optional<Path> procSelfExe() {
        try {
            return Optional.of(Path.of("/proc/self/exe").toRealPath());
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> codeSource() {
        try {
            java.security.CodeSource cs = JobCommand.class.getProtectionDomain().getCodeSource();
            return cs == null || cs.getLocation() == null ? Optional.empty() : Optional.of(Path.of(cs.getLocation().toURI()));
        } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException
                | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty(); // a native image has no code source; its executable is the program
        }
    }

    private static boolean isJava(Path exe) {
        String name = exe.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.equals("java") || name.equals("java.exe") || name.equals("javaw") || name.equals("javaw.exe");
    }

    /** The command as one line for a POSIX shell ({@code /bin/sh -c}), or for Windows' command line on Windows. */
    public String commandLine(boolean windows) {
        return windows ? Quoting.windows(argv) : Quoting.shell(argv);
    }

    /** The program, absolute. */
    public String program() {
        return argv.get(0);
    }

    /** Everything after the program. */
    public List<String> arguments() {
        return argv.subList(1, argv.size());
    }
}
