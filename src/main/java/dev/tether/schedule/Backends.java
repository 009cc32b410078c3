package dev.tether.schedule;

import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/** Which backend schedules the job on this machine. */
public final class Backends {
    private Backends() {
    }

    /**
     * Linux: a systemd user timer when {@code systemctl --user} answers (a user manager runs), else the
     * crontab; macOS: a LaunchAgent; Windows: Task Scheduler.
     *
     * @param home the user's home
     * @param env the environment ({@code XDG_CONFIG_HOME})
     * @param stateDir tether's state dir (the task XML for schtasks goes there)
     */
    public static Backend choose(Os os, CommandRunner runner, Path home, Map<String, String> env, Path stateDir, LocalDate today)
            throws IOException {
        return switch (os) {
            case LINUX -> systemdAnswers(runner) ? new SystemdUserBackend(unitDir(home, env), runner) : new CrontabBackend(runner);
            case MACOS -> new LaunchAgentBackend(home.resolve("Library").resolve("LaunchAgents"), uid(runner), runner);
            case WINDOWS -> new TaskSchedulerBackend(stateDir.resolve("schedule-task.xml"), today, runner);
        };
    }

    /** {@code systemctl --user show-environment} succeeds only with a user manager to talk to (not in most containers, not over plain ssh without lingering). */
    static boolean systemdAnswers(CommandRunner runner) {
        try {
            return runner.run("systemctl", "--user", "show-environment").ok();
        } catch (IOException e) {
            return false; // no systemctl at all
        }
    }

    static Path unitDir(Path home, Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isEmpty() ? home.getFileSystem().getPath(xdg) : home.resolve(".config");
        return config.resolve("systemd").resolve("user");
    }

    private static String uid(CommandRunner runner) throws IOException {
        CommandRunner.Result r = runner.run("id", "-u");
        if (!r.ok() || !r.stdout().strip().matches("\\d+")) {
            throw CommandRunner.failed(java.util.List.of("id", "-u"), r);
        }
        return r.stdout().strip();
    }
}
