package dev.tether.cli;

import dev.tether.Failure;
import dev.tether.find.ProjectFilter;
import dev.tether.find.TimeSpec;
import dev.tether.find.TimeWindow;
import java.time.Clock;
import java.time.Instant;
import picocli.CommandLine.Option;

/** The options that choose sessions, shared by {@code sessions}, {@code show} and {@code search}. */
final class FindFilters {
    @Option(names = "--project", paramLabel = "TEXT",
            description = "only sessions whose project path (or project folder name) contains TEXT, any case")
    String project;

    @Option(names = "--since", paramLabel = "DATE",
            description = "only what was active since DATE: YYYY-MM-DD (local time), a time ago (7d, 12h, 30m, 2w) or an ISO-8601 time")
    String since;

    @Option(names = "--until", paramLabel = "DATE", description = "only what was active before the end of DATE (same forms as --since)")
    String until;

    boolean any() {
        return project != null || since != null || until != null;
    }

    ProjectFilter projectFilter() {
        return project == null ? ProjectFilter.ANY : new ProjectFilter(project);
    }

    /** The time window; a DATE that cannot be read is bad input (exit 2). */
    TimeWindow window(Clock clock) {
        Instant from = parse(since, "--since", clock, false);
        Instant to = parse(until, "--until", clock, true);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Failure.BadInput("--since " + since + " is not before --until " + until + ": no time is in between");
        }
        return new TimeWindow(from, to);
    }

    private static Instant parse(String text, String option, Clock clock, boolean end) {
        if (text == null) {
            return null;
        }
        try {
            return end ? TimeSpec.until(text, clock) : TimeSpec.since(text, clock);
        } catch (IllegalArgumentException e) {
            throw new Failure.BadInput(option + ": " + e.getMessage(), "for example " + option + " 7d or " + option + " 2026-05-01");
        }
    }
}
