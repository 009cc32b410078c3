package dev.tether.verify;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.IoErrors;
import dev.tether.apply.Journal;
import dev.tether.state.State;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs every check and collects the findings. The checks see the disk through the read-only view; the
 * one thing verify writes is this machine's entry in the synced folder's registry, before they run.
 */
public final class Verifier {
    private static final List<Check> CHECKS = List.of(new StateCheck(), new SyncRootCheck(), new LinkChecks(),
            new ConflictCheck(), new CredentialsCheck(), new SecretsCheck(), new JournalCheck(), new PlaceholderCheck(),
            new RetentionCheck(), new BackupCheck(), new MachinesCheck());

    private Verifier() {
    }

    /** The result: findings in check order, and whether the arrangement is healthy. */
    public record Report(List<Finding> findings, boolean strict) {
        public boolean healthy() {
            return findings.stream().noneMatch(f -> f.status() == Finding.Status.ERROR
                    || (strict && f.status() == Finding.Status.WARN));
        }
    }

    public static Report verify(Context ctx, boolean strict) throws IOException {
        return verify(ctx, strict, false);
    }

    /** With {@code scanSecrets}, the {@code secrets} check also searches the synced text files for tokens. */
    public static Report verify(Context ctx, boolean strict, boolean scanSecrets) throws IOException {
        Optional<State> state = Optional.empty();
        Finding unreadableState = null;
        try {
            state = ctx.stateStore().load();
        } catch (Failure.BadInput e) {
            // docs/cli.md: an unreadable state file is a setup.state error (exit 1), not bad input; the rest runs as if never set up
            unreadableState = Finding.error("setup.state", null, ctx.stateStore().file().toString(), e.getMessage(), e.hint());
        }
        Optional<Journal.Pending> pending = ctx.journal().pending();
        if (state.isPresent() && pending.isEmpty()) {
            try {
                ctx.machine().write(state.get(), "verify");
            } catch (IOException e) {
                // sync.root reports an unwritable synced folder; verify itself goes on
            }
        }
        VerifyContext v = new VerifyContext(ctx.readOnly(), state, pending, strict, scanSecrets);
        List<Finding> findings = new ArrayList<>();
        for (Check check : CHECKS) {
            if (unreadableState != null && check instanceof StateCheck) {
                findings.add(unreadableState);
                continue;
            }
            try {
                findings.addAll(check.run(v));
            } catch (IOException | RuntimeException e) {
                findings.add(Finding.error("verify", null, null, check.getClass().getSimpleName() + " could not run: "
                        + IoErrors.describe(e), null));
            }
        }
        return new Report(findings, strict);
    }
}
