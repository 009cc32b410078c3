package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tether.Failure;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The schedule's words, its next run, and the job's command computed from what the process knows. */
class ScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Path CLAUDE = Path.of("/home/me/.claude");
    private static final Path STATE = Path.of("/home/me/.local/state/tether");

    @Test
    void parsesTheCadenceAndTheTime() {
        assertEquals(new Schedule(Cadence.DAILY, LocalTime.of(12, 0)), Schedule.parse("daily", null));
        assertEquals(new Schedule(Cadence.HOURLY, LocalTime.of(7, 5)), Schedule.parse("HOURLY", "07:05"));
        assertEquals("hourly at minute 5", Schedule.parse("hourly", "07:05").describe());
    }

    @Test
    void refusesAnUnknownCadenceOrABadTime() {
        assertThrows(Failure.BadInput.class, () -> Schedule.parse("weekly", null));
        for (String at : List.of("24:00", "7:5", "12:60", "noon", "12:00:00")) {
            assertThrows(Failure.BadInput.class, () -> Schedule.parse("daily", at), at);
        }
    }

    @Test
    void nextDailyRunIsTodayOrTomorrow() {
        Schedule s = new Schedule(Cadence.DAILY, LocalTime.of(9, 30));
        ZonedDateTime morning = ZonedDateTime.of(2026, 3, 10, 8, 0, 0, 0, BERLIN);
        assertEquals(morning.withHour(9).withMinute(30), s.nextAfter(morning));
        assertEquals(morning.plusDays(1).withHour(9).withMinute(30), s.nextAfter(morning.withHour(9).withMinute(30)));
    }

    @Test
    void nextHourlyRunIsAtTheMinute() {
        Schedule s = new Schedule(Cadence.HOURLY, LocalTime.of(0, 15));
        ZonedDateTime now = ZonedDateTime.of(2026, 3, 10, 8, 20, 0, 0, BERLIN);
        assertEquals(now.withHour(9).withMinute(15), s.nextAfter(now));
    }

    @Test
    void theNativeBinaryRunsItself() {
        JobCommand c = JobCommand.of(Optional.of(Path.of("/opt/tether/tether")), Optional.empty(), CLAUDE, STATE);
        assertEquals(List.of("/opt/tether/tether", "backup", "--quiet", "--claude-dir", CLAUDE.toString(), "--state-dir",
                STATE.toString()), c.argv());
    }

    @Test
    void javaRunsTheJarWithItsAbsolutePath() {
        JobCommand c = JobCommand.of(Optional.of(Path.of("/usr/lib/jvm/17/bin/java")), Optional.of(Path.of("/opt/t 1/tether.jar")),
                CLAUDE, STATE);
        assertEquals(List.of("/usr/lib/jvm/17/bin/java", "-jar", "/opt/t 1/tether.jar", "backup", "--quiet"), c.argv().subList(0, 5));
    }

    @Test
    void javaFromClassesOrAnUnknownProgramIsRefused() {
        assertThrows(Failure.BadInput.class, () -> JobCommand.of(Optional.of(Path.of("/usr/bin/java")),
                Optional.of(Path.of("/src/tether/target/classes")), CLAUDE, STATE));
        assertThrows(Failure.BadInput.class, () -> JobCommand.of(Optional.empty(), Optional.empty(), CLAUDE, STATE));
        assertThrows(Failure.BadInput.class, () -> JobCommand.of(Optional.of(Path.of("tether")), Optional.empty(), CLAUDE, STATE));
    }

    @Test
    void thisTestProcessIsJavaFromClassesSoItCannotScheduleItself() {
        // surefire runs the tests from target/test-classes and target/classes: no jar to name
        assertThrows(Failure.BadInput.class, () -> JobCommand.ofThisProcess(CLAUDE, STATE));
    }
}
