package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.flow.Guard;
import dev.tether.schedule.Backend;
import dev.tether.schedule.Backends;
import dev.tether.schedule.InstalledSchedule;
import dev.tether.schedule.JobCommand;
import dev.tether.schedule.ProcessRunner;
import dev.tether.schedule.Schedule;
import dev.tether.schedule.ScheduleStore;
import dev.tether.schedule.Scheduler;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tether schedule daily|hourly|off|status [--at HH:MM] [--dry-run]}: one per-user job that runs
 * {@code tether backup --quiet}. {@code status} and {@code --dry-run} only read. Installing and removing
 * wait for {@code tether backup} (a job that runs a command this tether lacks would fail every time) and
 * for tether's shared guard of writing commands, which plugs in at {@link #write}.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Install, replace or remove one per-user job that runs tether backup --quiet (Linux: systemd user timer,"
                + " else the crontab; macOS: LaunchAgent; Windows: Task Scheduler), or show what is installed and the last"
                + " run. status and --dry-run change nothing.")
public final class ScheduleCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(index = "0", paramLabel = "daily|hourly|off|status", description = "what to do")
    String action;

    @Option(names = "--at", paramLabel = "HH:MM", description = "daily: the time of day; hourly: the minute (default 12:00)")
    String at;

    @Option(names = "--dry-run", description = "show what would be installed or removed, and change nothing")
    boolean dryRun;

    @Override
    public Integer call() throws IOException {
        Session session = main.session();
        Console console = session.console();
        boolean reads = dryRun || action.equals("status");
        Context ctx = reads ? session.ctx().readOnly() : session.ctx();
        console.doc().put("command", "schedule");
        console.doc().put("action", action);
        if (at != null && !(action.equals("daily") || action.equals("hourly"))) {
            throw new Failure.BadInput("--at goes with daily or hourly, not " + action, "tether schedule daily --at 09:30");
        }
        Backend backend = Backends.choose(ctx.os(), new ProcessRunner(), ctx.locations().home(), ctx.env(),
                ctx.locations().stateDir(), LocalDate.now());
        Scheduler scheduler = new Scheduler(backend, new ScheduleStore(ctx.locations().stateDir()), ctx.locations().stateDir(),
                Clock.systemDefaultZone());
        console.doc().put("backend", backend.id());
        console.doc().put("where", backend.where());
        if (action.equals("status")) {
            return status(console, scheduler.status());
        }
        try (Guard guard = reads ? Guard.forDryRun(ctx) : Guard.forWriting(ctx)) {
            if (action.equals("off")) {
                return write(console, guard, () -> scheduler.remove(), "remove the job from " + backend.where());
            }
            Schedule schedule = Schedule.parse(action, at);
            JobCommand job = JobCommand.ofThisProcess(ctx.locations().claudeDir(), ctx.locations().stateDir());
            console.doc().put("schedule", schedule.describe());
            console.doc().putPOJO("job", job.argv());
            return write(console, guard, () -> scheduler.install(schedule, job), "run " + String.join(" ", job.argv()) + " "
                    + schedule.describe() + ", through " + backend.where());
        }
    }

    /** A change of the schedule, after the plan was shown. */
    private interface Change {
        Scheduler.Change apply() throws IOException;
    }

    private int write(Console console, Guard guard, Change change, String plan) throws IOException {
        console.say("plan: " + plan);
        if (dryRun) {
            console.doc().put("result", "dry-run");
            return 0;
        }
        guard.clear(true); // the job and its record are not Claude Code's data: a running Claude Code is no reason to wait
        Scheduler.Change done = change.apply();
        console.doc().put("result", done.name().toLowerCase(java.util.Locale.ROOT));
        console.say(done.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        return 0;
    }

    private static int status(Console console, Scheduler.Status s) {
        ObjectNode doc = console.doc();
        doc.put("installed", s.installed());
        s.recorded().ifPresent(r -> {
            ObjectNode o = doc.putObject("recorded");
            o.put("cadence", r.cadence());
            o.put("at", r.at());
            o.putPOJO("command", r.command());
            o.put("installedAt", r.installedAt());
        });
        s.next().ifPresent(n -> doc.put("nextRun", n.toOffsetDateTime().toString()));
        s.archive().ifPresent(a -> {
            doc.put("archive", a.archive());
            if (a.lastRun() != null) {
                ObjectNode last = doc.putObject("lastRun");
                last.put("at", a.lastRun());
                last.put("exitCode", a.lastExitCode());
                last.put("message", a.lastMessage());
            }
            doc.put("lastSuccess", a.lastSuccess());
        });
        doc.put("backup", s.freshness().status().name().toLowerCase(java.util.Locale.ROOT));
        doc.put("message", s.freshness().message());

        if (s.installed()) {
            InstalledSchedule r = s.recorded().orElse(null);
            console.say("installed: " + (r == null ? "a tether job" : r.schedule().describe()) + " (" + s.backend() + ": " + s.where() + ")");
            s.next().ifPresent(n -> console.say("next run: " + n.toLocalDateTime().withNano(0)));
        } else {
            console.say("no backup is scheduled (" + s.backend() + ")" + (s.recorded().isPresent()
                    ? "; one was installed at " + s.recorded().get().installedAt() + " and has been removed since" : ""));
        }
        s.archive().filter(a -> a.lastRun() != null).ifPresent(a -> console.say("last backup: " + a.lastRun() + ", exit "
                + a.lastExitCode() + (a.lastMessage() == null ? "" : ": " + a.lastMessage())));
        console.say("backup: " + s.freshness().message());
        return 0;
    }
}
