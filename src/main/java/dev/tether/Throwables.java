package dev.tether;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Failures handed over from a worker thread, rethrown on the thread that waits for the work. */
public final class Throwables {
    private Throwables() {
    }

    /**
     * {@code t} as the I/O failure to throw: itself when it is one, the cause of an
     * {@link UncheckedIOException}, wrapped when it is another checked exception. Unchecked exceptions
     * and errors are thrown from here as they are, so a bug in a worker still reads as a bug.
     */
    public static IOException asIOException(Throwable t) {
        if (t instanceof IOException e) {
            return e;
        }
        if (t instanceof UncheckedIOException e) {
            return e.getCause();
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IOException(t);
    }
}
