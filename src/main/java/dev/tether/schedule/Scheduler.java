package dev.tether.schedule;

import dev.tether.archive.ArchiveRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * {@code tether schedule}'s domain: installs, replaces or removes the job through one backend and records
 * what it did in the state dir; tells the status. Never prints. The writing calls ({@link #install},
 * {@link #remove}) are for a command that holds tether's guard (the lock); {@link #status} only reads.
 */
public final class Scheduler {
    private final Backend backend;
    private final ScheduleStore store;
    private final Path stateDir;
    private final Clock clock;

    /** {@code stateDir}: where {@code tether backup} records its runs ({@link ArchiveRecord}). */
    public Scheduler(Backend backend, ScheduleStore store, Path stateDir, Clock clock) {
        this.backend = backend;
        this.store = store;
        this.stateDir = stateDir;
        this.clock = clock;
    }

    /** What a writing call did. */
    public enum Change { INSTALLED, REPLACED, UNCHANGED, REMOVED, NOTHING_TO_REMOVE }

    /** Installs the job (replacing tether's earlier one), then records it. */
    public Change install(Schedule schedule, JobCommand command) throws IOException {
        Optional<InstalledSchedule> before = store.read();
        boolean there = backend.installed();
        InstalledSchedule next = InstalledSchedule.of(backend, schedule, command, clock.instant());
        if (there && before.isPresent() && same(before.get(), next)) {
            return Change.UNCHANGED;
        }
        backend.install(command, schedule);
        store.write(next);
        return there ? Change.REPLACED : Change.INSTALLED;
    }

    /** Removes the job and its record. */
    public Change remove() throws IOException {
        boolean there = backend.installed();
        backend.remove();
        boolean recorded = store.read().isPresent();
        store.delete();
        return there || recorded ? Change.REMOVED : Change.NOTHING_TO_REMOVE;
    }

    /** What is installed, when it runs next, what backup recorded of its runs, and how that grades. */
    public record Status(String backend, String where, boolean installed, Optional<InstalledSchedule> recorded,
            Optional<ZonedDateTime> next, Optional<ArchiveRecord> archive, BackupFreshness.Grade freshness) {
    }

    public Status status() throws IOException {
        boolean there = backend.installed();
        Optional<InstalledSchedule> recorded = store.read();
        Optional<Schedule> schedule = there ? recorded.map(InstalledSchedule::schedule) : Optional.empty();
        Optional<ZonedDateTime> next = schedule.map(s -> s.nextAfter(ZonedDateTime.now(clock)));
        Optional<ArchiveRecord> archive = ArchiveRecord.load(stateDir);
        return new Status(backend.id(), backend.where(), there, recorded, next, archive,
                BackupFreshness.grade(archive, schedule.map(Schedule::cadence), clock.instant()));
    }

    private static boolean same(InstalledSchedule a, InstalledSchedule b) {
        return a.backend().equals(b.backend()) && a.cadence().equals(b.cadence()) && a.at().equals(b.at())
                && a.command().equals(b.command());
    }
}
