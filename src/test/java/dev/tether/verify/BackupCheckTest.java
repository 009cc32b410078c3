package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.archive.ArchiveRecord;
import dev.tether.blackbox.Tether;
import dev.tether.schedule.Cadence;
import dev.tether.schedule.InstalledSchedule;
import dev.tether.schedule.ScheduleStore;
import dev.tether.testing.InProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's {@code backup} check: backup's record graded against the recorded schedule's period (keep.md §5). */
class BackupCheckTest {
    @TempDir
    Path home;

    private Path state;
    private Path transcript;

    @BeforeEach
    void claudeData() throws IOException {
        Path project = Files.createDirectories(home.resolve(".claude/projects/-home-me-app"));
        transcript = Files.writeString(project.resolve("s1.jsonl"), "{\"type\":\"user\",\"timestamp\":\"2026-01-01T00:00:00Z\"}\n");
        state = home.resolve(".local/state/tether");
    }

    private JsonNode backupFinding() {
        Tether.Result verify = InProcess.run(home, "verify", "--json");
        for (JsonNode f : verify.json().get("findings")) {
            if (f.get("id").asText().equals("backup")) {
                return f;
            }
        }
        throw new AssertionError("no backup finding:\n" + verify);
    }

    /** A real backup, then a new line in the transcript, and the record's last success moved {@code ago} back. */
    private void backedUpThenNewLines(Duration ago) throws IOException {
        assertEquals(0, InProcess.run(home, "backup").exitCode());
        Files.writeString(transcript, "{\"type\":\"assistant\",\"timestamp\":\"2026-01-01T00:01:00Z\"}\n", StandardOpenOption.APPEND);
        ArchiveRecord r = ArchiveRecord.load(state).orElseThrow();
        r.after(0, r.lastMessage(), Instant.now().minus(ago)).save(state);
    }

    private void scheduled(Cadence cadence) throws IOException {
        new ScheduleStore(state).write(new InstalledSchedule(1, "crontab", cadence.id(), "12:00", List.of("/opt/tether", "backup"),
                Instant.now().toString()));
    }

    @Test
    void neverABackupIsInfo() {
        JsonNode f = backupFinding();
        assertEquals("info", f.get("status").asText());
        assertTrue(f.get("message").asText().startsWith("no backup was ever made"), f.toString());
    }

    @Test
    void aBackupJustMadeIsOkAndScheduleStatusShowsIt() throws IOException {
        assertEquals(0, InProcess.run(home, "backup").exitCode());
        assertEquals("ok", backupFinding().get("status").asText());
        JsonNode status = InProcess.run(home, "schedule", "status", "--json").json();
        assertEquals(0, status.get("lastRun").get("exitCode").asInt(), status.toString());
        assertEquals("recent", status.get("backup").asText());
    }

    @Test
    void threeHoursOldIsFineWithoutASchedule() throws IOException {
        backedUpThenNewLines(Duration.ofHours(3));
        assertEquals("ok", backupFinding().get("status").asText());
    }

    @Test
    void threeHoursOldWarnsUnderAnHourlySchedule() throws IOException {
        backedUpThenNewLines(Duration.ofHours(3));
        scheduled(Cadence.HOURLY);
        JsonNode f = backupFinding();
        assertEquals("warn", f.get("status").asText(), f.toString());
        assertTrue(f.get("message").asText().contains("longer ago than twice the hourly schedule's period, and 1 transcript(s)"
                + " have lines it lacks"), f.toString());
    }

    @Test
    void threeDaysOldWarnsWithoutASchedule() throws IOException {
        backedUpThenNewLines(Duration.ofDays(3));
        JsonNode f = backupFinding();
        assertEquals("warn", f.get("status").asText(), f.toString());
        assertTrue(f.get("message").asText().contains("3 days ago"), f.toString());
    }

    @Test
    void oldButNothingNewSinceIsOk() throws IOException {
        assertEquals(0, InProcess.run(home, "backup").exitCode());
        ArchiveRecord r = ArchiveRecord.load(state).orElseThrow();
        r.after(0, r.lastMessage(), Instant.now().minus(Duration.ofDays(5))).save(state);
        JsonNode f = backupFinding();
        assertEquals("ok", f.get("status").asText(), f.toString());
        assertTrue(f.get("message").asText().contains("nothing new"), f.toString());
    }

    @Test
    void aFailedLastRunIsAWarning() throws IOException {
        ArchiveRecord.at(home.resolve("archive")).after(0, "ok", Instant.now().minusSeconds(60))
                .after(4, "No space left on device", Instant.now()).save(state);
        JsonNode f = backupFinding();
        assertEquals("warn", f.get("status").asText());
        assertTrue(f.get("message").asText().endsWith("failed: No space left on device"), f.toString());
    }
}
