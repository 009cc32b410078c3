package dev.tether.archive;

import dev.tether.state.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * What one machine knows about the live files it archived, so a backup with nothing new reads no file's
 * content: per file, its identity, size and modification time when archived, and what the archive holds
 * of it. Lost or unreadable, it only costs time: every file is then compared line by line (or by content).
 *
 * @param files per live path relative to the Claude data dir
 * @param lastRun the backup run that wrote it
 */
public record Catalog(int schema, String machineId, Map<String, Entry> files, String lastRun) {
    /** The schema this tether writes (see {@link CatalogCodec}); a catalog read from either schema is this one in memory. */
    public static final int SCHEMA = 2;

    /** {@code files} as given, not sorted: looked up 20,000 times a run and sorted only when written. */
    public Catalog {
        files = files == null ? new TreeMap<>() : files;
    }

    /**
     * One live file as last archived.
     *
     * @param key the file's identity (device and inode where the OS has them), or null
     * @param archiveSize for a {@code .jsonl}: the size of its {@code .gz} after this machine last wrote it
     *        (another size means someone else wrote there since)
     * @param exact for a {@code .jsonl}: the length of the live file's prefix the archive holds byte for byte,
     *        or -1 once the archive holds lines of a rewritten file instead
     * @param window the CRC-32 of the live bytes just before {@code exact} (up to {@link #WINDOW}), which tells
     *        a file that only grew from one rewritten in place
     * @param versions for other files: the contents kept, oldest first
     */
    public record Entry(String key, long size, long mtime, long archiveSize, long exact, long window, List<Version> versions) {
        public Entry {
            versions = versions == null ? List.of() : List.copyOf(versions);
        }

        /** Same file, same size, same time: nothing to read. */
        public boolean unchanged(String key, long size, long mtime) {
            return this.size == size && this.mtime == mtime && java.util.Objects.equals(this.key, key);
        }
    }

    /** One kept content of a file that is not a transcript: its number ({@code .~N~}), size and CRC-32. */
    public record Version(int n, long size, long crc) {
    }

    /** How many live bytes before {@link Entry#exact} the window covers. */
    public static final int WINDOW = 4096;

    public static Catalog empty(String machineId) {
        return new Catalog(SCHEMA, machineId, new TreeMap<>(), null);
    }

    /** This machine's catalog in the archive; empty when there is none or it cannot be read. */
    public static Catalog load(ArchiveLayout layout, String machineId) {
        Path file = layout.catalog(machineId);
        if (!Files.isRegularFile(file)) {
            return empty(machineId);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return CatalogCodec.read(in);
        } catch (IOException e) {
            return empty(machineId);
        }
    }

    /**
     * Written gzipped: one entry per live file adds up, and only tether reads it. At the fastest level: every
     * backup that adds anything rewrites the whole catalog (4.5 MB of JSON for 20,000 files), and the default
     * level spent more time on it than archiving a few sessions took.
     */
    public void save(ArchiveLayout layout) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            CatalogCodec.write(this, gz);
        }
        AtomicFiles.write(layout.catalog(machineId), bytes.toByteArray());
    }

    public Catalog withRun(String runId) {
        return new Catalog(schema, machineId, files, runId);
    }
}
