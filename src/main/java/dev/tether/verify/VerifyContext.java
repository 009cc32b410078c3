package dev.tether.verify;

import dev.tether.Context;
import dev.tether.apply.Journal;
import dev.tether.state.State;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every check reads: the machine's context, its recorded state, the pending journal run,
 * whether {@code --strict} was given (a check whose finding is a warning, or an error under
 * {@code --strict}, grades it here), whether {@code --scan-secrets} was, and the walk of the synced
 * folder the checks share.
 */
record VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending, boolean strict,
        boolean scanSecrets, SyncedWalk syncedWalk) {

    VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending, boolean strict,
            boolean scanSecrets) {
        this(ctx, state, pending, strict, scanSecrets, new SyncedWalk());
    }

    public VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending, boolean strict) {
        this(ctx, state, pending, strict, false);
    }

    public VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending) {
        this(ctx, state, pending, false);
    }

    /** The one walk of the synced folder that the checks reading all of it share. */
    SyncedWalk.Result synced() throws java.io.IOException {
        return syncedWalk.of(this);
    }

    public Path claudeDir() {
        return ctx.locations().claudeDir();
    }

    public Optional<Path> syncedFolder() {
        return state.map(s -> ctx.fs().getPath(s.syncedFolder()));
    }
}
