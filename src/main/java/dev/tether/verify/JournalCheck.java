package dev.tether.verify;

import java.util.List;

/** {@code journal}: no interrupted operation is pending. */
final class JournalCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) {
        String file = v.ctx().journal().file().toString();
        return v.pending().map(p -> List.of(Finding.error("journal", null, file,
                "an interrupted " + p.command() + " from " + p.started() + " is pending",
                p.command().equals("setup") ? "tether setup (finishes it) or tether unlink (undoes it)" : "tether unlink (finishes it)")))
                .orElse(List.of(Finding.ok("journal", null, file, "no interrupted operation")));
    }
}
