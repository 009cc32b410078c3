package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.archive.ArchiveRecord;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** install, replace, remove and status through a backend, with the record in the state dir and the run log. */
class SchedulerTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path state = fs.getPath("/state");
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneOffset.UTC);
    private final InMemoryCrontab cron = new InMemoryCrontab();
    private final Scheduler scheduler = new Scheduler(new CrontabBackend(cron), new ScheduleStore(state), state, clock);

    /** crontab -l and crontab - over a string. */
    private static final class InMemoryCrontab implements CommandRunner {
        String text = "";
        int writes;

        @Override
        public Result run(List<String> argv, String stdin) {
            if (argv.contains("-l")) {
                return new Result(0, text, "");
            }
            text = stdin;
            writes++;
            return new Result(0, "", "");
        }
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    @Test
    void installThenTheSameAgainThenAnotherScheduleThenOff() throws IOException {
        assertEquals(Scheduler.Change.INSTALLED, scheduler.install(Jobs.DAILY, Jobs.jar()));
        assertEquals(Scheduler.Change.UNCHANGED, scheduler.install(Jobs.DAILY, Jobs.jar()));
        assertEquals(1, cron.writes);
        assertEquals(Scheduler.Change.REPLACED, scheduler.install(Jobs.HOURLY, Jobs.jar()));
        assertEquals("hourly", new ScheduleStore(state).read().orElseThrow().cadence());
        assertEquals(Scheduler.Change.REMOVED, scheduler.remove());
        assertEquals("", cron.text);
        assertFalse(Files.exists(state.resolve(ScheduleStore.FILE)));
        assertEquals(Scheduler.Change.NOTHING_TO_REMOVE, scheduler.remove());
    }

    @Test
    void statusSaysWhatIsInstalledTheNextRunAndTheLastOne() throws IOException {
        scheduler.install(Jobs.DAILY, Jobs.jar());
        ArchiveRecord.at(fs.getPath("/archive")).after(0, "3 file(s) added", Instant.parse("2026-03-10T07:00:03Z")).save(state);
        Scheduler.Status s = scheduler.status();
        assertTrue(s.installed());
        assertEquals("crontab", s.backend());
        assertEquals(ZonedDateTime.parse("2026-03-10T09:30Z"), s.next().orElseThrow());
        assertEquals("3 file(s) added", s.archive().orElseThrow().lastMessage());
        assertEquals(BackupFreshness.Status.RECENT, s.freshness().status());
    }

    @Test
    void aJobRemovedBehindTetherBackIsNotInstalledAndDoesNotCountAsASchedule() throws IOException {
        scheduler.install(Jobs.DAILY, Jobs.jar());
        cron.text = ""; // the user cleared the crontab
        Scheduler.Status s = scheduler.status();
        assertFalse(s.installed());
        assertTrue(s.recorded().isPresent());
        assertTrue(s.next().isEmpty());
        assertEquals(BackupFreshness.Status.NEVER, s.freshness().status());
    }
}
