package dev.tether.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.blackbox.Tether;
import dev.tether.schedule.BackupOutcome;
import dev.tether.schedule.RunLog;
import dev.tether.testing.InProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** verify's {@code backup} check reads the outcomes {@code tether backup} records (keep.md §5). */
class BackupCheckTest {
    @TempDir
    Path home;

    private Path state;

    @BeforeEach
    void claudeData() throws IOException {
        Path claude = Files.createDirectories(home.resolve(".claude/projects/-home-me-app"));
        Files.writeString(claude.resolve("s1.jsonl"), "{\"type\":\"user\",\"timestamp\":\"2026-01-01T00:00:00Z\"}\n");
        Files.writeString(home.resolve(".claude/history.jsonl"), "{\"display\":\"hi\",\"timestamp\":1}\n");
        state = home.resolve(".local/state/tether");
    }

    private static JsonNode backupFinding(Tether.Result verify) {
        for (JsonNode f : verify.json().get("findings")) {
            if (f.get("id").asText().equals("backup")) {
                return f;
            }
        }
        throw new AssertionError("no backup finding:\n" + verify);
    }

    @Test
    void neverABackupIsInfo() {
        JsonNode f = backupFinding(InProcess.run(home, "verify", "--json"));
        assertEquals("info", f.get("status").asText());
        assertEquals("no backup was ever made", f.get("message").asText());
    }

    @Test
    void aBackupRecordsItsOutcomeAndVerifyReadsIt() throws IOException {
        Tether.Result backup = InProcess.run(home, "backup");
        assertEquals(0, backup.exitCode(), backup.toString());
        BackupOutcome last = new RunLog(state).read().orElseThrow().last();
        assertEquals(0, last.exitCode());
        assertTrue(last.summary().contains("added"), last.summary());
        JsonNode f = backupFinding(InProcess.run(home, "verify", "--json"));
        assertEquals("ok", f.get("status").asText(), f.toString());
        JsonNode status = InProcess.run(home, "schedule", "status", "--json").json();
        assertEquals(0, status.get("lastRun").get("exitCode").asInt());
        assertEquals("ok", status.get("backup").asText());
    }

    @Test
    void aDryRunRecordsNothing() throws IOException {
        assertEquals(0, InProcess.run(home, "backup", "--dry-run").exitCode());
        assertTrue(new RunLog(state).read().isEmpty());
    }

    @Test
    void aFailedLastRunIsAWarning() throws IOException {
        Instant now = Instant.now();
        new RunLog(state).record(new BackupOutcome(now.minusSeconds(60).toString(), now.minusSeconds(50).toString(), 0, "ok"));
        new RunLog(state).record(new BackupOutcome(now.minusSeconds(10).toString(), now.toString(), 4, "No space left on device"));
        JsonNode f = backupFinding(InProcess.run(home, "verify", "--json"));
        assertEquals("warn", f.get("status").asText());
        assertTrue(f.get("message").asText().contains("failed (exit 4): No space left on device"), f.toString());
    }

    @Test
    void anOldSuccessWithoutAScheduleIsAWarning() throws IOException {
        Instant then = Instant.now().minus(Duration.ofDays(3));
        new RunLog(state).record(new BackupOutcome(then.toString(), then.toString(), 0, "ok"));
        JsonNode f = backupFinding(InProcess.run(home, "verify", "--json"));
        assertEquals("warn", f.get("status").asText());
        assertTrue(f.get("message").asText().contains("3 days ago"), f.toString());
    }

    @Test
    void anArchiveInsideTheClaudeDirIsAFailedRunOnRecord() throws IOException {
        Tether.Result r = InProcess.run(home, "backup", "--archive", home.resolve(".claude/archive").toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals(2, new RunLog(state).read().orElseThrow().last().exitCode());
    }
}
