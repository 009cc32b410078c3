package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.schedule.CrontabBlock;
import dev.tether.testing.Privileges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keep.md §5 for real, with Debian's {@code cron}: the packaged program, run as a throwaway user (never the
 * crontab of whoever runs the tests), puts its block in the crontab after the user's own lines, a second
 * call replaces it, the job run by hand as cron would run it records its outcome, verify's {@code backup}
 * check reads it, and {@code off} leaves exactly the user's lines. Needs root (to make the user) and
 * {@code crontab}; skipped otherwise, and where a systemd user manager answers for the user.
 */
class ScheduleCrontabIT {
    private static final String USER = "tether-sched-it";
    private static final String OWN = "MAILTO=\"\"\n# the user's own jobs\n17 3 * * * /usr/bin/true   # mine\n";
    private static boolean madeUser;

    @TempDir
    Path tmp;

    private record Run(int exit, String out) {
    }

    private static Run root(String stdin, String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", argv) + " did not finish");
        }
        return new Run(p.exitValue(), out);
    }

    @BeforeAll
    static void throwawayUser() throws Exception {
        Privileges.assumeRunuser();
        assumeTrue(root(null, "sh", "-c", "command -v crontab && command -v useradd").exit == 0,
                "needs crontab (Debian: apt-get install cron) and useradd");
        if (root(null, "id", USER).exit != 0) {
            Run made = root(null, "useradd", "--no-create-home", "--shell", "/usr/sbin/nologin", USER);
            assertEquals(0, made.exit, made.out);
            madeUser = true;
        }
    }

    @AfterAll
    static void removeUser() throws Exception {
        if (madeUser) {
            root(null, "crontab", "-u", USER, "-r");
            root(null, "userdel", USER);
        }
    }

    private static String crontab() throws Exception {
        Run r = root(null, "crontab", "-u", USER, "-l");
        return r.exit == 0 ? r.out : "";
    }

    @Test
    void scheduleDailyReplaceRunTheJobVerifyThenOff() throws Exception {
        Path home = tmp.resolve("home");
        Path claude = Files.createDirectories(home.resolve(".claude/projects/-home-me-app"));
        Files.writeString(claude.resolve("s1.jsonl"), "{\"type\":\"user\",\"timestamp\":\"2026-01-01T00:00:00Z\"}\n");
        try (AutoCloseable program = Privileges.programReadableByAll(tmp.resolve("program"))) {
            Privileges.chownTree(tmp, USER);
            assertEquals(0, root(OWN, "crontab", "-u", USER, "-").exit);
            Tether t = new Tether(home).via("runuser", "-u", USER, "--", "env", "HOME=" + home);

            Tether.Result daily = t.run("schedule", "daily", "--json");
            assumeTrue(!daily.stdout().contains("\"systemd-user\""), "a systemd user manager answers for " + USER);
            assertEquals(0, daily.exitCode(), daily.toString());
            assertEquals("installed", daily.json().get("result").asText());
            String afterDaily = crontab();
            System.out.println("--- crontab -l after schedule daily:\n" + afterDaily);
            assertTrue(afterDaily.startsWith(OWN), afterDaily);
            assertTrue(afterDaily.contains(CrontabBlock.BEGIN + "\n") && afterDaily.endsWith(CrontabBlock.END + "\n"), afterDaily);
            assertTrue(afterDaily.contains("\n0 12 * * * "), afterDaily);

            Tether.Result again = t.run("schedule", "daily", "--at", "18:45", "--json");
            assertEquals("replaced", again.json().get("result").asText(), again.toString());
            String afterAgain = crontab();
            System.out.println("--- crontab -l after schedule daily --at 18:45:\n" + afterAgain);
            assertEquals(afterAgain.indexOf(CrontabBlock.BEGIN), afterAgain.lastIndexOf(CrontabBlock.BEGIN), "one block");
            assertTrue(afterAgain.startsWith(OWN) && afterAgain.contains("\n45 18 * * * "), afterAgain);

            // the job, run by hand as cron runs it: /bin/sh -c with cron's small environment
            String jobLine = afterAgain.lines().filter(l -> l.startsWith("45 18 * * * ")).findFirst().orElseThrow();
            String command = jobLine.substring("45 18 * * * ".length());
            Run job = root(null, "runuser", "-u", USER, "--", "env", "-i", "HOME=" + home, "PATH=/usr/bin:/bin", "SHELL=/bin/sh",
                    "/bin/sh", "-c", command);
            assertEquals(0, job.exit, command + "\n" + job.out);

            Tether.Result status = t.run("schedule", "status", "--json");
            JsonNode s = status.json();
            assertTrue(s.get("installed").asBoolean(), status.toString());
            assertEquals(0, s.get("lastRun").get("exitCode").asInt(), status.toString()); // what the job's backup recorded
            assertTrue(s.has("nextRun"), status.toString());
            JsonNode backup = null;
            for (JsonNode f : t.run("verify", "--json").json().get("findings")) {
                if (f.get("id").asText().equals("backup")) {
                    backup = f;
                }
            }
            assertEquals("ok", backup.get("status").asText(), String.valueOf(backup));

            Tether.Result off = t.run("schedule", "off", "--json");
            assertEquals("removed", off.json().get("result").asText(), off.toString());
            assertEquals(OWN, crontab());
            assertTrue(!Files.exists(home.resolve(".local/state/tether/schedule.json")));
        }
    }

    @Test
    void theBackupCheckOfAMachineThatNeverBackedUpIsInfo() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("fresh"));
        JsonNode findings = new Tether(home).run("verify", "--json").json().get("findings");
        List<String> statuses = new java.util.ArrayList<>();
        findings.forEach(f -> {
            if (f.get("id").asText().equals("backup")) {
                statuses.add(f.get("status").asText());
            }
        });
        assertEquals(List.of("info"), statuses);
    }
}
