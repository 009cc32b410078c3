package dev.tether.platform;

import java.util.Locale;

/** The two kinds of link tether makes: a symbolic link everywhere, a directory junction on Windows without symlink rights. */
public enum LinkKind {
    SYMLINK, JUNCTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
