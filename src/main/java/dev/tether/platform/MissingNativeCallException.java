package dev.tether.platform;

import java.io.IOException;

/**
 * A native library or one of its functions is not there (an old C library, an old Windows, a
 * stripped-down container). Thrown instead of JNA's {@link UnsatisfiedLinkError}, so the callers'
 * ordinary I/O error handling (roll back, report) applies and the user reads a sentence, not a stack.
 */
public final class MissingNativeCallException extends IOException {
    private static final long serialVersionUID = 1L;

    public MissingNativeCallException(String call, String library, Throwable cause) {
        super("this system's " + library + " does not provide " + call + ", which tether needs here"
                + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : ""), cause);
    }
}
