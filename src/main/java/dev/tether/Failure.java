package dev.tether;

/**
 * The typed failures of tether's domain code. Domain code never prints and never exits: it throws
 * one of these, and {@link Main} turns it into a message and the exit code of the CLI contract.
 * Every message says what happened and what was (not) changed; {@code hint} is the command that
 * fixes it, where there is one.
 */
public abstract sealed class Failure extends RuntimeException {
    private final String hint;

    private Failure(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    public abstract int exitCode();

    /** Bad input or an unsafe layout; nothing was changed. Exit 2. */
    public static final class BadInput extends Failure {
        public BadInput(String message, String hint) {
            super(message, hint, null);
        }

        public BadInput(String message) {
            this(message, null);
        }

        @Override
        public int exitCode() {
            return 2;
        }
    }

    /** Refused for safety (Claude Code running, lock held, no TTY, no space); nothing was changed. Exit 3. */
    public static final class Refused extends Failure {
        public Refused(String message, String hint) {
            super(message, hint, null);
        }

        @Override
        public int exitCode() {
            return 3;
        }
    }

    /** The operation failed and everything it had done was rolled back. Exit 4. */
    public static final class RolledBack extends Failure {
        public RolledBack(String message, String hint, Throwable cause) {
            super(message, hint, cause);
        }

        @Override
        public int exitCode() {
            return 4;
        }
    }

    /** The operation failed and could not be rolled back completely; the journal holds it. Exit 5. */
    public static final class Unfinished extends Failure {
        public Unfinished(String message, String hint, Throwable cause) {
            super(message, hint, cause);
        }

        @Override
        public int exitCode() {
            return 5;
        }
    }
}
