package dev.tether.conflict;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** The {@code timestamp} of a JSONL file's last line that has one (lines without one, such as {@code last-prompt}, are passed over). */
public final class LastStamp {
    private LastStamp() {
    }

    public static Optional<Instant> of(Path jsonl) throws IOException {
        Instant last = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(jsonl), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    if (line.size() > 0) {
                        LineStamp s = LineStamp.of(line.toByteArray());
                        if (s.stamped()) {
                            last = s.stamp();
                        }
                        line.reset();
                    }
                    if (b < 0) {
                        break;
                    }
                } else {
                    line.write(b);
                }
            }
        }
        return Optional.ofNullable(last);
    }
}
