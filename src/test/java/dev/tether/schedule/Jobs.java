package dev.tether.schedule;

import java.util.List;

/** Job commands for the renderer tests: paths with spaces, quotes, {@code &}, {@code <}, {@code $} and non-ASCII letters. */
final class Jobs {
    private Jobs() {
    }

    static final Schedule DAILY = new Schedule(Cadence.DAILY, java.time.LocalTime.of(9, 30));
    static final Schedule HOURLY = new Schedule(Cadence.HOURLY, java.time.LocalTime.of(0, 15));

    /** The native binary in an awkward place. */
    static JobCommand nativeBinary() {
        return new JobCommand(List.of("/home/zoë/Apps & <Tools>/it's \"tether\"/tether", "backup", "--quiet",
                "--claude-dir", "/home/zoë/.claude", "--state-dir", "/home/zoë/.local/state/tether $1"));
    }

    /** java -jar, as the jar runs it. */
    static JobCommand jar() {
        return new JobCommand(List.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "-jar", "/opt/tether 1.0/tether.jar",
                "backup", "--quiet", "--claude-dir", "/home/me/.claude", "--state-dir", "/home/me/.local/state/tether"));
    }

    /** A Windows user with a space, an ampersand and an umlaut in the profile path. */
    static JobCommand windows() {
        return new JobCommand(List.of("C:\\Users\\Zoë Ann\\Apps & <Tools>\\tether.exe", "backup", "--quiet",
                "--claude-dir", "C:\\Users\\Zoë Ann\\.claude", "--state-dir", "C:\\Users\\Zoë Ann\\AppData\\Local\\tether\\",
                "say \"hi\""));
    }
}
