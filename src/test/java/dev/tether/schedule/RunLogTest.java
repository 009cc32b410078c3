package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <state-dir>/backup-runs.json}: the last run, the last success kept through failures, the recent ones. */
class RunLogTest {
    @TempDir
    Path state;

    private static BackupOutcome run(int minute, int exit) {
        String t = "2026-03-10T08:%02d:00Z".formatted(minute);
        return new BackupOutcome(t, t, exit, exit == 0 ? "ok" : "failed");
    }

    @Test
    void noFileIsNoRecord() throws IOException {
        assertTrue(new RunLog(state).read().isEmpty());
    }

    @Test
    void theLastSuccessSurvivesLaterFailures() throws IOException {
        RunLog log = new RunLog(state);
        log.record(run(1, 0));
        log.record(run(2, 4));
        BackupOutcomes r = log.record(run(3, 4));
        assertEquals(run(3, 4), r.last());
        assertEquals(run(1, 0), r.lastSuccess());
        assertEquals(r, new RunLog(state).read().orElseThrow()); // what was written reads back
    }

    @Test
    void recentRunsAreNewestFirstAndBounded() throws IOException {
        RunLog log = new RunLog(state);
        BackupOutcomes r = null;
        for (int i = 0; i < RunLog.RECENT + 5; i++) {
            r = log.record(run(i, 0));
        }
        assertEquals(RunLog.RECENT, r.recent().size());
        assertEquals(run(RunLog.RECENT + 4, 0), r.recent().get(0));
    }

    @Test
    void anUnreadableRecordIsReplacedNotFatal() throws IOException {
        Files.writeString(state.resolve(RunLog.FILE), "{not json");
        BackupOutcomes r = new RunLog(state).record(run(5, 0));
        assertEquals(1, r.recent().size());
    }
}
