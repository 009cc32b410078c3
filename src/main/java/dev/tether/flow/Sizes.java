package dev.tether.flow;

/** Human-readable byte counts. */
public final class Sizes {
    private Sizes() {
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        long tenths = Math.round(v * 10); // as "%.1f" rounds; String.format costs more than a listing's row
        return tenths / 10 + "." + tenths % 10 + " " + units[u];
    }
}
