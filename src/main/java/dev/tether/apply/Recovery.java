package dev.tether.apply;

import dev.tether.Failure;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Finishing or undoing a run that an earlier process left in the journal, apart from planning: a
 * command first asks what recovery it needs (reading only), shows it, and applies it only when it may
 * write. {@code setup} finishes an interrupted setup; {@code unlink} undoes an interrupted setup and
 * finishes an interrupted unlink; any other interrupted run must be finished by its own command first.
 */
public final class Recovery {
    /** A pending run and what this command will do with it. */
    public record Resumption(Journal.Pending run, boolean finish, String command) {
        /** What a dry run says instead of recovering. */
        public String dryRunNote() {
            String verb = finish ? "finishes" : "undoes";
            return command.equals("setup")
                    ? "an interrupted setup from " + run.started() + " is pending; setup without --dry-run " + verb
                            + " it first (the plan below is from the disk as it is now)"
                    : "an interrupted " + run.command() + " from " + run.started() + " is pending; " + command
                            + " without --dry-run " + verb + " it first";
        }

        /** What was done. */
        public String doneNote() {
            return (finish ? "finished" : "undid") + " the interrupted " + run.command() + " from " + run.started();
        }
    }

    private final Journal journal;
    private final Executor executor;

    public Recovery(Journal journal, Executor executor) {
        this.journal = journal;
        this.executor = executor;
    }

    /** Before a setup: an interrupted setup is finished; any other interrupted run is refused (exit 3). Reads only. */
    public Optional<Resumption> beforeSetup() throws IOException {
        return pendingOf("setup", List.of("setup")).map(p -> new Resumption(p, true, "setup"));
    }

    /** Before an unlink: an interrupted setup is undone, an interrupted unlink finished; any other is refused. Reads only. */
    public Optional<Resumption> beforeUnlink() throws IOException {
        return pendingOf("unlink", List.of("setup", "unlink")).map(p -> new Resumption(p, !p.command().equals("setup"), "unlink"));
    }

    /** The pending run, when there is one that {@code command} may handle; a run of another command is refused. */
    private Optional<Journal.Pending> pendingOf(String command, List<String> handled) throws IOException {
        Optional<Journal.Pending> pending = journal.pending();
        if (pending.isPresent() && !handled.contains(pending.get().command())) {
            Journal.Pending p = pending.get();
            throw new Failure.Refused("an interrupted " + p.command() + " from " + p.started() + " is pending in "
                    + journal.file() + "; " + command + " will not start before it is finished. Nothing was changed",
                    "tether " + p.command() + " (finishes it)");
        }
        return pending;
    }

    /** Finishes or undoes the pending run; the caller has passed the guard. */
    public String apply(Resumption r) {
        if (r.finish()) {
            executor.rollForward(r.run());
        } else {
            executor.rollBack(r.run());
        }
        return r.doneNote();
    }
}
