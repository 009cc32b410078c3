package dev.tether.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

/**
 * What {@code tether schedule} installed, recorded in {@code <state-dir>/schedule.json}: the backend, the
 * schedule, the job's command and when. {@code status} and verify's {@code backup} check read it; the
 * scheduler itself is asked whether the job is still there.
 */
public record InstalledSchedule(int schema, String backend, String cadence, String at, List<String> command, String installedAt) {

    public static InstalledSchedule of(Backend backend, Schedule schedule, JobCommand command, java.time.Instant now) {
        return new InstalledSchedule(1, backend.id(), schedule.cadence().id(), schedule.atText(), command.argv(), now.toString());
    }

    /** The schedule it holds. */
    public Schedule schedule() {
        return new Schedule(Cadence.valueOf(cadence.toUpperCase(Locale.ROOT)), LocalTime.parse(at));
    }
}
