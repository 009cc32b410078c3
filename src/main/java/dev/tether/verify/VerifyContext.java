package dev.tether.verify;

import dev.tether.Context;
import dev.tether.apply.Journal;
import dev.tether.state.State;
import java.nio.file.Path;
import java.util.Optional;

/** What every check reads: the machine's context, its recorded state and the pending journal run. */
public record VerifyContext(Context ctx, Optional<State> state, Optional<Journal.Pending> pending) {

    public Path claudeDir() {
        return ctx.locations().claudeDir();
    }

    public Optional<Path> syncedFolder() {
        return state.map(s -> ctx.fs().getPath(s.syncedFolder()));
    }
}
