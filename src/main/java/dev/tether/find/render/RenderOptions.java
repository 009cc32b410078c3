package dev.tether.find.render;

import java.time.ZoneId;

/**
 * How much of a session to show and in which time zone. Tool output is cut after {@code outputLines}
 * lines or {@code outputChars} characters, whichever comes first, with a note of how much was cut;
 * {@code full} shows all of it.
 */
public record RenderOptions(ZoneId zone, boolean full, int outputLines, int outputChars) {
    public static RenderOptions in(ZoneId zone) {
        return new RenderOptions(zone, false, 20, 2000);
    }

    public RenderOptions withFull(boolean full) {
        return new RenderOptions(zone, full, outputLines, outputChars);
    }
}
