package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each backend's decisions with a scripted runner, on Jimfs: which commands it runs, in which order, with
 * what input, and which files it writes. macOS and Windows cannot run here; this is how they are tested.
 */
class BackendsTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path home = fs.getPath("/home/me");
    private final Path state = fs.getPath("/home/me/.local/state/tether");
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 2);

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Backend choose(Os os, ScriptedRunner runner) throws IOException {
        return Backends.choose(os, runner, home, Map.of(), state, TODAY);
    }

    @Test
    void linuxWithAUserManagerUsesASystemdTimer() throws IOException {
        Backend b = choose(Os.LINUX, new ScriptedRunner(argv -> ScriptedRunner.ok("HOME=/home/me\n")));
        SystemdUserBackend s = assertInstanceOf(SystemdUserBackend.class, b);
        assertEquals(home.resolve(".config/systemd/user"), s.unitDir());
    }

    @Test
    void xdgConfigHomeMovesTheUnitFolder() throws IOException {
        Backend b = Backends.choose(Os.LINUX, new ScriptedRunner(argv -> ScriptedRunner.ok("")), home,
                Map.of("XDG_CONFIG_HOME", "/home/me/cfg"), state, TODAY);
        assertEquals(fs.getPath("/home/me/cfg/systemd/user"), ((SystemdUserBackend) b).unitDir());
    }

    @Test
    void linuxWithoutAUserManagerOrSystemctlUsesTheCrontab() throws IOException {
        assertInstanceOf(CrontabBackend.class, choose(Os.LINUX, new ScriptedRunner(argv ->
                ScriptedRunner.fail(1, "Failed to connect to bus: No medium found"))));
        assertInstanceOf(CrontabBackend.class, choose(Os.LINUX, new ScriptedRunner(argv -> null)));
    }

    @Test
    void systemdInstallWritesBothUnitsThenReloadsEnablesAndRestarts() throws IOException {
        ScriptedRunner runner = new ScriptedRunner(argv -> ScriptedRunner.ok(""));
        SystemdUserBackend b = new SystemdUserBackend(home.resolve(".config/systemd/user"), runner);
        b.install(Jobs.jar(), Jobs.DAILY);
        assertEquals(SystemdUnits.service(Jobs.jar()), Files.readString(b.unitDir().resolve(SystemdUnits.SERVICE)));
        assertEquals(SystemdUnits.timer(Jobs.DAILY), Files.readString(b.unitDir().resolve(SystemdUnits.TIMER)));
        assertEquals(List.of("systemctl --user daemon-reload", "systemctl --user enable tether-backup.timer",
                "systemctl --user restart tether-backup.timer"), runner.lines());
    }

    @Test
    void systemdRemoveDisablesDeletesAndReloads() throws IOException {
        ScriptedRunner runner = new ScriptedRunner(argv -> ScriptedRunner.ok(""));
        SystemdUserBackend b = new SystemdUserBackend(home.resolve(".config/systemd/user"), runner);
        b.install(Jobs.jar(), Jobs.DAILY);
        runner.calls.clear();
        b.remove();
        assertFalse(Files.exists(b.unitDir().resolve(SystemdUnits.TIMER)));
        assertFalse(Files.exists(b.unitDir().resolve(SystemdUnits.SERVICE)));
        assertEquals(List.of("systemctl --user disable --now tether-backup.timer", "systemctl --user daemon-reload"), runner.lines());
        runner.calls.clear();
        b.remove();
        assertEquals(List.of(), runner.lines()); // nothing installed: nothing run
    }

    @Test
    void systemdFailureNamesTheCommandAndWhatItSaid() {
        ScriptedRunner runner = new ScriptedRunner(argv -> argv.contains("enable")
                ? ScriptedRunner.fail(1, "Failed to enable unit: Unit file tether-backup.timer is masked.") : ScriptedRunner.ok(""));
        IOException e = assertThrows(IOException.class,
                () -> new SystemdUserBackend(home.resolve("u"), runner).install(Jobs.jar(), Jobs.DAILY));
        assertEquals("systemctl --user enable tether-backup.timer failed (exit 1): Failed to enable unit: Unit file"
                + " tether-backup.timer is masked.", e.getMessage());
    }

    /** A crontab kept in memory, answering crontab -l and crontab - as Debian's does. */
    private static final class FakeCrontab {
        String text;

        CommandRunner runner() {
            return new CommandRunner() {
                @Override
                public Result run(List<String> argv, String stdin) {
                    if (argv.equals(List.of("crontab", "-l"))) {
                        return text == null ? ScriptedRunner.fail(1, "no crontab for me") : ScriptedRunner.ok(text);
                    }
                    if (argv.equals(List.of("crontab", "-"))) {
                        text = stdin;
                        return ScriptedRunner.ok("");
                    }
                    return ScriptedRunner.fail(127, "unexpected " + argv);
                }
            };
        }
    }

    @Test
    void crontabInstallWithNoCrontabYetWritesTheBlockAlone() throws IOException {
        FakeCrontab cron = new FakeCrontab();
        CrontabBackend b = new CrontabBackend(cron.runner());
        assertFalse(b.installed());
        b.install(Jobs.jar(), Jobs.DAILY);
        assertEquals(CrontabBlock.render(Jobs.jar(), Jobs.DAILY), cron.text);
        assertTrue(b.installed());
    }

    @Test
    void crontabReplaceAndRemoveKeepTheUsersLines() throws IOException {
        FakeCrontab cron = new FakeCrontab();
        cron.text = "MAILTO=me\n0 4 * * * /usr/local/bin/mine\n";
        CrontabBackend b = new CrontabBackend(cron.runner());
        b.install(Jobs.jar(), Jobs.DAILY);
        b.install(Jobs.jar(), Jobs.HOURLY);
        assertEquals("MAILTO=me\n0 4 * * * /usr/local/bin/mine\n" + CrontabBlock.render(Jobs.jar(), Jobs.HOURLY), cron.text);
        b.remove();
        assertEquals("MAILTO=me\n0 4 * * * /usr/local/bin/mine\n", cron.text);
    }

    @Test
    void crontabThatCannotBeReadIsAnErrorNotAnEmptyCrontab() {
        CrontabBackend b = new CrontabBackend(new ScriptedRunner(argv -> ScriptedRunner.fail(1,
                "crontab: your UID isn't in the passwd file.")));
        assertThrows(IOException.class, () -> b.install(Jobs.jar(), Jobs.DAILY));
    }

    @Test
    void macInstallWritesThePlistAndBootstrapsItIntoTheGuiDomain() throws IOException {
        ScriptedRunner runner = new ScriptedRunner(argv -> argv.get(0).equals("id") ? ScriptedRunner.ok("501\n")
                : argv.get(1).equals("bootout") ? ScriptedRunner.fail(3, "Boot-out failed: 3: No such process")
                : ScriptedRunner.ok(""));
        LaunchAgentBackend b = assertInstanceOf(LaunchAgentBackend.class, choose(Os.MACOS, runner));
        b.install(Jobs.nativeBinary(), Jobs.DAILY);
        Path plist = home.resolve("Library/LaunchAgents/dev.tether.backup.plist");
        assertEquals(LaunchAgentPlist.render(Jobs.nativeBinary(), Jobs.DAILY), Files.readString(plist));
        assertEquals(List.of("id -u", "launchctl bootout gui/501/dev.tether.backup",
                "launchctl bootstrap gui/501 " + plist), runner.lines());
    }

    @Test
    void macRemoveBootsOutAndDeletesThePlist() throws IOException {
        ScriptedRunner runner = new ScriptedRunner(argv -> ScriptedRunner.ok("501"));
        LaunchAgentBackend b = new LaunchAgentBackend(home.resolve("Library/LaunchAgents"), "501", runner);
        b.install(Jobs.nativeBinary(), Jobs.HOURLY);
        runner.calls.clear();
        b.remove();
        assertFalse(Files.exists(home.resolve("Library/LaunchAgents/dev.tether.backup.plist")));
        assertEquals(List.of("launchctl bootout gui/501/dev.tether.backup"), runner.lines());
    }

    @Test
    void windowsInstallCreatesTheTaskFromUtf16Xml() throws IOException {
        ScriptedRunner runner = new ScriptedRunner(argv -> ScriptedRunner.ok("SUCCESS"));
        TaskSchedulerBackend b = assertInstanceOf(TaskSchedulerBackend.class, choose(Os.WINDOWS, runner));
        b.install(Jobs.windows(), Jobs.DAILY);
        Path xml = state.resolve("schedule-task.xml");
        byte[] bytes = Files.readAllBytes(xml);
        assertEquals(TaskXml.render(Jobs.windows(), Jobs.DAILY, TODAY).replace("\n", "\r\n"),
                new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE));
        assertEquals(List.of("schtasks /Create /XML " + xml + " /TN tether-backup /F"), runner.lines());
    }

    @Test
    void windowsRemoveDeletesTheTaskOnlyWhenThere() throws IOException {
        ScriptedRunner there = new ScriptedRunner(argv -> ScriptedRunner.ok(""));
        new TaskSchedulerBackend(state.resolve("t.xml"), TODAY, there).remove();
        assertEquals(List.of("schtasks /Query /TN tether-backup", "schtasks /Delete /TN tether-backup /F"), there.lines());
        ScriptedRunner absent = new ScriptedRunner(argv -> ScriptedRunner.fail(1, "ERROR: The system cannot find the file specified."));
        new TaskSchedulerBackend(state.resolve("t.xml"), TODAY, absent).remove();
        assertEquals(List.of("schtasks /Query /TN tether-backup"), absent.lines());
    }
}
