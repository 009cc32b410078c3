package dev.tether.verify;

import dev.tether.Context;
import dev.tether.apply.Journal;
import dev.tether.state.State;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every check reads: the machine's context, its recorded state, the pending journal run, and
 * whether {@code --strict} was given (a check whose finding is a warning, or an error under
 * {@code --strict}, grades it here).
 */
public record VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending, boolean strict) {

    public VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending) {
        this(ctx, state, pending, false);
    }

    public Path claudeDir() {
        return ctx.locations().claudeDir();
    }

    public Optional<Path> syncedFolder() {
        return state.map(s -> ctx.fs().getPath(s.syncedFolder()));
    }
}
