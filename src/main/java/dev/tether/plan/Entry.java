package dev.tether.plan;

import dev.tether.layout.Kind;
import java.nio.file.Path;

/** What one path is on disk, looked at without following links. */
public sealed interface Entry {

    /** Nothing at the path. */
    record Missing() implements Entry {
    }

    /** A regular file or a directory tree; {@code bytes} and {@code files} are -1 when not counted. */
    record Data(Kind kind, long bytes, long files) implements Entry {
    }

    /**
     * A symbolic link; {@code target} is absolute (a relative link is resolved against its parent),
     * {@code resolved} is where it finally leads when that exists.
     */
    record Link(Path target, boolean targetExists, java.util.Optional<Path> resolved) implements Entry {
    }

    /** Something tether does not move: a device, a FIFO, a socket, or an entry it cannot read. */
    record Unsupported(String what) implements Entry {
    }

    default boolean exists() {
        return !(this instanceof Missing);
    }
}
