package dev.tether.schedule;

/**
 * The systemd user units of the job: {@code tether-backup.service} runs the backup once,
 * {@code tether-backup.timer} starts it on the schedule, with {@code Persistent=true} so a run missed while
 * the machine was off happens when it is next on. Pure.
 */
public final class SystemdUnits {
    public static final String SERVICE = "tether-backup.service";
    public static final String TIMER = "tether-backup.timer";

    private SystemdUnits() {
    }

    public static String service(JobCommand command) {
        return """
                # Made by `tether schedule`; `tether schedule off` removes it.
                [Unit]
                Description=tether backup of the Claude Code history

                [Service]
                Type=oneshot
                # a backup is background work: it yields the CPU and the disk to what the user is doing
                Nice=10
                IOSchedulingClass=idle
                ExecStart=%s
                """.formatted(Quoting.systemd(command.argv()));
    }

    public static String timer(Schedule schedule) {
        return """
                # Made by `tether schedule`; `tether schedule off` removes it.
                [Unit]
                Description=tether backup, %s

                [Timer]
                OnCalendar=%s
                Persistent=true

                [Install]
                WantedBy=timers.target
                """.formatted(schedule.describe(), onCalendar(schedule));
    }

    /** {@code *-*-* 12:00:00} daily, {@code *-*-* *:15:00} hourly. */
    static String onCalendar(Schedule schedule) {
        return switch (schedule.cadence()) {
            case DAILY -> "*-*-* " + schedule.atText() + ":00";
            case HOURLY -> "*-*-* *:%02d:00".formatted(schedule.at().getMinute());
        };
    }
}
