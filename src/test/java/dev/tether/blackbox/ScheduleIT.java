package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program's {@code schedule}: status and {@code --dry-run} read only and name the job's command
 * (this very jar or binary, by its absolute path). Installing for real: {@link ScheduleCrontabIT}, as a
 * throwaway user, so no test touches the crontab of whoever runs the tests.
 */
class ScheduleIT {
    @TempDir
    Path home;

    @Test
    void statusOnAFreshMachineSaysNothingIsScheduledAndNoBackupWasMade() {
        Tether.Result r = new Tether(home).run("schedule", "status", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode doc = r.json();
        assertEquals("schedule", doc.get("command").asText());
        assertEquals(false, doc.get("installed").asBoolean());
        assertEquals("never", doc.get("backup").asText());
    }

    @Test
    void dryRunNamesThisProgramByItsAbsolutePathAndChangesNothing() throws IOException {
        Tether.Result r = new Tether(home).run("schedule", "daily", "--at", "07:15", "--dry-run", "--json");
        assertEquals(0, r.exitCode(), r.toString());
        JsonNode job = r.json().get("job");
        String program = job.get(0).asText();
        assertTrue(Path.of(program).isAbsolute(), program);
        if (Tether.nativeBinary()) {
            assertEquals("backup", job.get(1).asText());
        } else {
            assertEquals("-jar", job.get(1).asText());
            assertTrue(job.get(2).asText().endsWith("tether.jar"), job.toString());
        }
        assertEquals("daily at 07:15", r.json().get("schedule").asText());
        assertEquals("dry-run", r.json().get("result").asText());
        assertTrue(!Files.exists(home.resolve(".local/state/tether/schedule.json")));
    }

    @Test
    void aBadTimeIsBadInput() {
        assertEquals(2, new Tether(home).run("schedule", "daily", "--at", "25:00").exitCode());
        assertEquals(2, new Tether(home).run("schedule", "off", "--at", "10:00").exitCode());
    }
}
