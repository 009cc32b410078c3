package dev.tether.schedule;

import java.io.IOException;

/**
 * One OS's way to run a per-user job on a schedule. Each installs, replaces or removes tether's one job
 * and touches nothing else of the user's; the decisions run external programs through a
 * {@link CommandRunner}, so they are tested with scripted answers on any OS.
 */
public sealed interface Backend permits SystemdUserBackend, CrontabBackend, LaunchAgentBackend, TaskSchedulerBackend {
    /** {@code systemd-user}, {@code crontab}, {@code launchd}, {@code task-scheduler}. */
    String id();

    /** Where the job lives, for people: a file, a crontab, a task name. */
    String where();

    /** Installs the job, replacing tether's earlier one. */
    void install(JobCommand command, Schedule schedule) throws IOException;

    /** Removes tether's job; nothing when there is none. */
    void remove() throws IOException;

    /** Whether tether's job is installed, as the scheduler itself says. */
    boolean installed() throws IOException;
}
