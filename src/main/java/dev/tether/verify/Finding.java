package dev.tether.verify;

import java.util.Locale;

/** One result of one check: a stable id, a status, the item (or null), a path, a message and a hint. */
public record Finding(String id, Status status, String item, String path, String message, String hint) {

    public enum Status {
        OK, INFO, WARN, ERROR;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Finding ok(String id, String item, String path, String message) {
        return new Finding(id, Status.OK, item, path, message, null);
    }

    public static Finding info(String id, String item, String path, String message, String hint) {
        return new Finding(id, Status.INFO, item, path, message, hint);
    }

    public static Finding warn(String id, String item, String path, String message, String hint) {
        return new Finding(id, Status.WARN, item, path, message, hint);
    }

    public static Finding error(String id, String item, String path, String message, String hint) {
        return new Finding(id, Status.ERROR, item, path, message, hint);
    }
}
