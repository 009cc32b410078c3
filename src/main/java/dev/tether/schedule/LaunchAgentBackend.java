package dev.tether.schedule;

import dev.tether.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * macOS: {@code ~/Library/LaunchAgents/dev.tether.backup.plist}, loaded into the user's GUI domain with
 * {@code launchctl bootstrap gui/<uid> <plist>} and unloaded with {@code launchctl bootout gui/<uid>/<label>}
 * (the subcommands that replaced {@code load}/{@code unload}).
 */
public record LaunchAgentBackend(Path agentsDir, String uid, CommandRunner runner) implements Backend {
    @Override
    public String id() {
        return "launchd";
    }

    @Override
    public String where() {
        return plist().toString();
    }

    private Path plist() {
        return agentsDir.resolve(LaunchAgentPlist.FILE_NAME);
    }

    private String service() {
        return "gui/" + uid + "/" + LaunchAgentPlist.LABEL;
    }

    @Override
    public void install(JobCommand command, Schedule schedule) throws IOException {
        AtomicFiles.write(plist(), LaunchAgentPlist.render(command, schedule).getBytes(StandardCharsets.UTF_8));
        runner.run("launchctl", "bootout", service()); // the old job, if loaded; launchd keeps a loaded plist's old contents
        List<String> bootstrap = List.of("launchctl", "bootstrap", "gui/" + uid, plist().toString());
        CommandRunner.Result r = runner.run(bootstrap, "");
        if (!r.ok()) {
            throw CommandRunner.failed(bootstrap, r);
        }
    }

    @Override
    public void remove() throws IOException {
        if (!Files.exists(plist())) {
            return;
        }
        runner.run("launchctl", "bootout", service()); // not loaded (after a reboot into a broken plist): the file goes anyway
        Files.delete(plist());
    }

    @Override
    public boolean installed() throws IOException {
        return Files.exists(plist()) && runner.run("launchctl", "print", service()).ok();
    }
}
