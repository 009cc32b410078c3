package dev.tether.schedule;

import dev.tether.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux with a systemd user manager: {@code tether-backup.service} and {@code .timer} in the user's unit
 * folder ({@code $XDG_CONFIG_HOME/systemd/user}), enabled and started with {@code systemctl --user}.
 */
public record SystemdUserBackend(Path unitDir, CommandRunner runner) implements Backend {
    @Override
    public String id() {
        return "systemd-user";
    }

    @Override
    public String where() {
        return unitDir.resolve(SystemdUnits.TIMER).toString();
    }

    @Override
    public void install(JobCommand command, Schedule schedule) throws IOException {
        AtomicFiles.write(unitDir.resolve(SystemdUnits.SERVICE), SystemdUnits.service(command).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(unitDir.resolve(SystemdUnits.TIMER), SystemdUnits.timer(schedule).getBytes(StandardCharsets.UTF_8));
        systemctl("daemon-reload");
        // restart, not start: a timer already running keeps its old calendar until restarted
        systemctl("enable", SystemdUnits.TIMER);
        systemctl("restart", SystemdUnits.TIMER);
    }

    @Override
    public void remove() throws IOException {
        Path timer = unitDir.resolve(SystemdUnits.TIMER);
        Path service = unitDir.resolve(SystemdUnits.SERVICE);
        if (!Files.exists(timer) && !Files.exists(service)) {
            return;
        }
        runner.run("systemctl", "--user", "disable", "--now", SystemdUnits.TIMER); // may be unloaded already: the files go regardless
        Files.deleteIfExists(timer);
        Files.deleteIfExists(service);
        systemctl("daemon-reload");
    }

    @Override
    public boolean installed() throws IOException {
        return Files.exists(unitDir.resolve(SystemdUnits.TIMER))
                && runner.run("systemctl", "--user", "is-enabled", "--quiet", SystemdUnits.TIMER).ok();
    }

    private void systemctl(String... args) throws IOException {
        List<String> argv = new java.util.ArrayList<>(List.of("systemctl", "--user"));
        argv.addAll(List.of(args));
        CommandRunner.Result r = runner.run(argv, "");
        if (!r.ok()) {
            throw CommandRunner.failed(argv, r);
        }
    }
}
