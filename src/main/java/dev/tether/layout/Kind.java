package dev.tether.layout;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an item is: a single file or a directory tree. Written as {@code file} or {@code dir} in JSON. */
public enum Kind {
    FILE, DIR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Kind of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
