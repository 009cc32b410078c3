package dev.tether.flow;

import dev.tether.apply.Recovery;
import java.io.IOException;
import java.util.Optional;

/** A writing command's flow that first finishes or undoes what an interrupted run of its kind left in the journal. */
public interface Recovering {
    /** The interrupted run this command deals with first; reads only. */
    Optional<Recovery.Resumption> pendingRun() throws IOException;

    /** Finishes or undoes it, once the guard allows writing; says what was done. */
    String recover(Recovery.Resumption pending, Guard guard, boolean allowRunning) throws IOException;
}
