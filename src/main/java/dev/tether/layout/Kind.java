package dev.tether.layout;

import java.util.Locale;

/** What an item is: a single file or a directory tree. */
public enum Kind {
    FILE, DIR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
