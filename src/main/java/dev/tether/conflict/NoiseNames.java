package dev.tether.conflict;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Files and folders sync clients (and editors) keep while they work: in-flight downloads, their own
 * databases and markers. They are not conflict copies and are never reported.
 */
final class NoiseNames {
    private static final Set<String> FILES = Set.of(".stfolder", ".stignore", ".dropbox", ".dropbox.attr", ".DS_Store",
            "desktop.ini", "Thumbs.db");
    private static final Set<String> FOLDERS = Set.of(".stfolder", ".stversions", ".dropbox.cache", ".tmp.drivedownload",
            ".tmp.driveupload", ".sync");
    private static final Pattern PATTERNS = Pattern.compile(String.join("|",
            "^\\.~.*-Temp-[A-Za-z0-9]+\\.tmp$", // Proton Drive download in progress
            "^\\.syncthing\\..*\\.tmp$", "^~syncthing~.*\\.tmp$", // Syncthing
            "^\\..+\\.~[0-9A-Za-z]+$", "^\\.?_sync_.*\\.db.*$", "^\\.sync_.*\\.db.*$", // Nextcloud/ownCloud
            "^.*\\.!sync$", // Resilio Sync
            "^~\\$.*$", "^\\.~lock\\..*#$", // Office and LibreOffice lock files
            "^\\..+\\.tether-merge\\.tmp$")); // tether resolve's own merge in progress

    private NoiseNames() {
    }

    /** True for a file name that is an in-flight, lock or client-database file. */
    public static boolean isNoise(String name) {
        return FILES.contains(name) || FOLDERS.contains(name) || (mayMatchAPattern(name) && PATTERNS.matcher(name).matches());
    }

    /** Every pattern starts with {@code .}, {@code ~} or {@code _}, or ends with {@code .!sync}. */
    private static boolean mayMatchAPattern(String name) {
        if (name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        return first == '.' || first == '~' || first == '_' || name.endsWith(".!sync");
    }

    /** True for a folder whose whole content belongs to a sync client (versions, caches, temp downloads). */
    public static boolean isNoiseFolder(String name) {
        return FOLDERS.contains(name);
    }

    /** The sibling {@code tether resolve} writes a merge into before renaming it over {@code name}. */
    public static String mergeTempName(String name) {
        return "." + name + ".tether-merge.tmp";
    }
}
