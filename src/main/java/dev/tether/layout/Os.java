package dev.tether.layout;

import org.apache.commons.lang3.SystemUtils;

/** The operating systems whose conventions tether knows. Passed in, so tests can plan for any of them. */
public enum Os {
    LINUX, MACOS, WINDOWS;

    public static Os current() {
        if (SystemUtils.IS_OS_WINDOWS) {
            return WINDOWS;
        }
        if (SystemUtils.IS_OS_MAC) {
            return MACOS;
        }
        return LINUX;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
