package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crontab backend against the real {@code crontab} of Debian's {@code cron}, for a throwaway user made
 * for the test (never root's crontab): schedule daily puts tether's block after the user's own lines,
 * a second call replaces it, off removes only it. Runs as root (to make the user); skipped elsewhere.
 */
class CrontabIT {
    private static final String USER = "tether-cron-it";
    private static final String USERS_OWN = "MAILTO=\"\"\n# the user's own jobs, which tether must not touch\n"
            + "17 3 * * * /usr/bin/true   # mine, spacing kept\n\n*/30 * * * * /bin/echo 'half past'\n";
    private static final ProcessRunner ROOT = new ProcessRunner();
    private static boolean madeUser;

    @TempDir
    Path state;

    @BeforeAll
    static void throwawayUser() throws IOException {
        assumeTrue(Os.current() == Os.LINUX, "crontab is tested on Linux");
        assumeTrue(ROOT.run("id", "-u").stdout().strip().equals("0"), "making a throwaway user needs root");
        assumeTrue(onPath("crontab") && onPath("runuser") && onPath("useradd"),
                "needs crontab (Debian: apt-get install cron), runuser and useradd");
        if (!ROOT.run("id", USER).ok()) {
            CommandRunner.Result made = ROOT.run("useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
            assertTrue(made.ok(), made.toString());
            madeUser = true;
        }
    }

    @AfterAll
    static void removeUser() throws IOException {
        if (madeUser) {
            ROOT.run("crontab", "-u", USER, "-r");
            ROOT.run("userdel", USER);
        }
    }

    private static boolean onPath(String program) throws IOException {
        return ROOT.run("sh", "-c", "command -v " + program).ok();
    }

    private static String crontabOfUser() throws IOException {
        CommandRunner.Result r = ROOT.run("crontab", "-u", USER, "-l");
        return r.ok() ? r.stdout() : "";
    }

    @Test
    void dailyAddsTheBlockASecondCallReplacesItAndOffLeavesTheUsersLines() throws IOException {
        CommandRunner.Result own = ROOT.run(List.of("crontab", "-u", USER, "-"), USERS_OWN);
        assertTrue(own.ok(), own.toString());
        CommandRunner asUser = new ProcessRunner(List.of("runuser", "-u", USER, "--"));
        Scheduler scheduler = new Scheduler(new CrontabBackend(asUser), new ScheduleStore(state), state, Clock.systemUTC());
        String jar = System.getProperty("tether.jar", "/opt/tether/tether.jar");
        JobCommand job = JobCommand.of(ProcessHandle.current().info().command().map(Path::of), Optional.of(Path.of(jar)),
                Path.of("/home/" + USER + "/.claude"), state);

        Schedule daily = Schedule.parse("daily", null);
        assertEquals(Scheduler.Change.INSTALLED, scheduler.install(daily, job));
        String afterDaily = crontabOfUser();
        System.out.println("--- crontab -l after schedule daily:\n" + afterDaily);
        assertEquals(USERS_OWN + CrontabBlock.render(job, daily), afterDaily);

        Schedule later = new Schedule(Cadence.DAILY, LocalTime.of(18, 45));
        assertEquals(Scheduler.Change.REPLACED, scheduler.install(later, job));
        String afterSecond = crontabOfUser();
        System.out.println("--- crontab -l after schedule daily --at 18:45:\n" + afterSecond);
        assertEquals(USERS_OWN + CrontabBlock.render(job, later), afterSecond);
        assertEquals(afterSecond.indexOf(CrontabBlock.BEGIN), afterSecond.lastIndexOf(CrontabBlock.BEGIN), "one block");

        assertEquals(Scheduler.Change.REMOVED, scheduler.remove());
        String afterOff = crontabOfUser();
        System.out.println("--- crontab -l after schedule off:\n" + afterOff);
        assertEquals(USERS_OWN, afterOff);
        assertTrue(Files.notExists(state.resolve(ScheduleStore.FILE)));
    }

    @Test
    void aUserWithoutACrontabGetsTheBlockAndOffLeavesAnEmptyOne() throws IOException {
        ROOT.run("crontab", "-u", USER, "-r");
        CommandRunner asUser = new ProcessRunner(List.of("runuser", "-u", USER, "--"));
        CrontabBackend backend = new CrontabBackend(asUser);
        JobCommand job = new JobCommand(List.of("/opt/tether/tether", "backup", "--quiet"));
        backend.install(job, Schedule.parse("hourly", "00:07"));
        assertEquals(CrontabBlock.render(job, Schedule.parse("hourly", "00:07")), crontabOfUser());
        backend.remove();
        assertEquals("", crontabOfUser());
    }
}
