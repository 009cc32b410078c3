package dev.tether.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rendered units pass {@code systemd-analyze verify}, which parses them as systemd does and checks that
 * the program exists and may be run. Skipped where systemd-analyze is missing or cannot run at all.
 */
class SystemdAnalyzeTest {
    @TempDir
    Path dir;

    private record Run(int exit, String output) {
    }

    private static Run analyze(Path... units) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("systemd-analyze", "verify"));
        for (Path u : units) {
            argv.add(u.toString());
        }
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("systemd-analyze did not finish");
        }
        return new Run(p.exitValue(), out);
    }

    @BeforeEach
    void systemdAnalyzeWorksHere() throws Exception {
        Path probe = Files.writeString(dir.resolve("probe.service"), "[Service]\nType=oneshot\nExecStart=/bin/true\n");
        Run run;
        try {
            run = analyze(probe);
        } catch (IOException e) {
            run = null;
        }
        assumeTrue(run != null, "systemd-analyze is not installed here");
        assumeTrue(run.exit == 0, "systemd-analyze cannot verify even a trivial unit here: " + run.output);
    }

    private Path program(String folder) throws IOException {
        Path exe = Files.createDirectories(dir.resolve(folder)).resolve("tether");
        Files.writeString(exe, "#!/bin/sh\n");
        Files.setPosixFilePermissions(exe, PosixFilePermissions.fromString("rwxr-xr-x"));
        return exe;
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "Apps & <Tools> zoë", "it's \"tether\" \\ here", "100% d$x"})
    void unitsForAProgramAtAnAwkwardPathVerify(String folder) throws Exception {
        JobCommand job = new JobCommand(List.of(program(folder).toString(), "backup", "--quiet", "--claude-dir",
                "/home/zoë/my \"claude\" 100%", "--state-dir", "/home/zoë/state $HOME"));
        for (Schedule schedule : List.of(Jobs.DAILY, Jobs.HOURLY)) {
            Path service = Files.writeString(dir.resolve(SystemdUnits.SERVICE), SystemdUnits.service(job));
            Path timer = Files.writeString(dir.resolve(SystemdUnits.TIMER), SystemdUnits.timer(schedule));
            Run run = analyze(service, timer);
            assertEquals(0, run.exit, run.output + "\n" + Files.readString(service));
            assertEquals("", run.output.strip(), "systemd-analyze warned");
        }
    }

    @Test
    void aMissingProgramFailsVerification() throws Exception {
        JobCommand job = new JobCommand(List.of(dir.resolve("gone/tether").toString(), "backup", "--quiet"));
        Path service = Files.writeString(dir.resolve(SystemdUnits.SERVICE), SystemdUnits.service(job));
        Path timer = Files.writeString(dir.resolve(SystemdUnits.TIMER), SystemdUnits.timer(Jobs.DAILY));
        assertEquals(1, analyze(service, timer).exit); // the check is real: it catches a unit that could not run
    }
}
