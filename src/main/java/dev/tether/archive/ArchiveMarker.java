package dev.tether.archive;

import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The archive's description of itself ({@code .tether-archive/archive.json}): its format, when it was made,
 * and its total size on disk, kept up to date by every backup so none has to add up the whole archive.
 */
public record ArchiveMarker(int schema, String format, String created, long totalBytes) {
    public static final String FORMAT = "tether-archive";

    public static ArchiveMarker load(ArchiveLayout layout) {
        try {
            if (Files.isRegularFile(layout.marker())) {
                return Json.COMPACT.readValue(Files.readAllBytes(layout.marker()), ArchiveMarker.class);
            }
        } catch (IOException e) {
            // a lost marker only loses the running total; the next backup starts it again
        }
        return new ArchiveMarker(1, FORMAT, java.time.Instant.now().toString(), 0);
    }

    public ArchiveMarker grownBy(long bytes) {
        return new ArchiveMarker(schema, format, created, totalBytes + bytes);
    }

    void save(ArchiveLayout layout) throws IOException {
        AtomicFiles.write(layout.marker(), Json.PRETTY.writeValueAsBytes(this));
    }
}
