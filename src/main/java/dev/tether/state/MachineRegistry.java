package dev.tether.state;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The machines that use one synced folder, one file each under {@code .tether/machines/<id>.json},
 * so two machines never write the same file.
 */
public final class MachineRegistry {
    /**
     * What one machine says about itself. {@code cleanupPeriodDays} and {@code retentionSource}: how long its
     * Claude Code keeps transcripts and who set that (null in entries older than the retention guard);
     * through the links its retention sweep deletes for every machine.
     */
    public record Machine(int schema, String machineId, String hostname, String os, String tetherVersion,
            String lastRun, String lastCommand, List<String> items, Integer cleanupPeriodDays, String retentionSource) {
        public Machine {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** A machine's effective {@code cleanupPeriodDays} and where it was set ({@code managed}, {@code user}, {@code default}). */
    public record Retained(int days, String source) {
    }

    private final Path dir;

    public MachineRegistry(Path syncedFolder) {
        this.dir = syncedFolder.resolve(".tether").resolve("machines");
    }

    public Path dir() {
        return dir;
    }

    public void write(Machine machine) throws IOException {
        AtomicFiles.write(dir.resolve(machine.machineId() + ".json"), Json.PRETTY.writeValueAsBytes(machine));
    }

    /** Every readable entry; unreadable ones are skipped (another machine may be writing). Links are not followed. */
    public List<Machine> all() {
        List<Machine> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        out.add(Json.COMPACT.readValue(Files.readAllBytes(p), Machine.class));
                    } catch (IOException e) {
                        // half-synced or foreign file: not a machine entry
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
