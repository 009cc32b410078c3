package dev.tether.schedule;

import java.io.IOException;
import java.util.List;

/**
 * Runs an external program (crontab, systemctl, launchctl, schtasks) and says how it ended. An interface,
 * so each backend's decisions are tested with scripted answers on any OS.
 */
public interface CommandRunner {
    /** How a program ended: its exit code and what it printed. */
    record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs {@code argv}, feeding {@code stdin} (may be empty) to it.
     *
     * @throws IOException when the program cannot be started (not installed) or does not end in time
     */
    Result run(List<String> argv, String stdin) throws IOException;

    /** Runs {@code argv} with nothing on its standard input. */
    default Result run(String... argv) throws IOException {
        return run(List.of(argv), "");
    }

    /** The program's failure as an exception naming the command and what it said. */
    static IOException failed(List<String> argv, Result r) {
        String said = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        return new IOException(String.join(" ", argv) + " failed (exit " + r.exitCode() + ")" + (said.isEmpty() ? "" : ": " + said));
    }
}
