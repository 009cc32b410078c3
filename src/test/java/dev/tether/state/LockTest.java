package dev.tether.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Lock}: one tether at a time, and no trace of a run that changed nothing. */
class LockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws IOException {
        Path state = tmp.resolve("state");
        Lock first = Lock.acquire(state);
        try {
            Failure.Refused e = assertThrows(Failure.Refused.class, () -> Lock.acquire(state));
            assertEquals(3, e.exitCode());
            assertThrows(Failure.Refused.class, () -> Lock.acquireBeforeFirstWrite(state));
        } finally {
            first.close();
        }
        Lock.acquire(state).close();
    }

    @Test
    void onAMachineNeverSetUpTheLockLeavesNoTraceUntilTheFirstWrite() throws IOException {
        Path state = tmp.resolve("state");
        Lock.acquireBeforeFirstWrite(state).close();
        assertFalse(Files.exists(state));
    }

    @Test
    void holdTakesTheDeferredLock() throws IOException {
        Path state = tmp.resolve("state");
        try (Lock lock = Lock.acquireBeforeFirstWrite(state)) {
            lock.hold();
            assertTrue(Files.exists(state.resolve("lock")));
            assertThrows(Failure.Refused.class, () -> Lock.acquire(state));
            lock.hold();
        }
    }

    @Test
    void holdRefusesWhenAnotherRunWroteStateWhileThisOnePlanned() throws IOException {
        Path state = tmp.resolve("state");
        try (Lock lock = Lock.acquireBeforeFirstWrite(state)) {
            Files.createDirectories(state);
            Files.writeString(state.resolve("journal.jsonl"), "{}\n");
            Failure.Refused e = assertThrows(Failure.Refused.class, lock::hold);
            assertEquals(3, e.exitCode());
        }
        Lock.acquire(state).close();
    }

    @Test
    void anExistingStateDirIsLockedAtOnce() throws IOException {
        Path state = Files.createDirectories(tmp.resolve("state"));
        Lock lock = Lock.acquireBeforeFirstWrite(state);
        try {
            assertThrows(Failure.Refused.class, () -> Lock.acquire(state));
        } finally {
            lock.close();
        }
    }
}
