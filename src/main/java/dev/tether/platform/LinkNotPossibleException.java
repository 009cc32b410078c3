package dev.tether.platform;

import java.io.IOException;

/**
 * No link of any allowed kind can be made for this item here: a file on Windows without symlink rights,
 * or a directory whose target a junction cannot reach. The message says what is left unlinked; the
 * hint says what the user can turn on.
 */
public final class LinkNotPossibleException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    public LinkNotPossibleException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }
}
