package dev.tether.find;

import dev.tether.state.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What tether learnt of each transcript the last time it read one, so that listing 20,000 sessions costs
 * a {@code stat} per file instead of reading them all: per file its size and modification time when
 * read, a checksum of its last bytes (to tell a file that grew from one that was rewritten) and its
 * summary and problems. A disposable file in tether's state dir: missing, unreadable or of another
 * version, it is ignored and rebuilt. A compact binary form, not JSON: it is read on every listing.
 */
public final class SummaryCache {
    private static final long MAGIC = 0x7465746865725331L; // "tetherS1"

    /** One file's cached knowledge. {@code size} is what the summary covers ({@code summary.bytes()}). */
    public record Known(long size, Instant modified, int tailCrc, SessionSummary summary, Problems.OfFile problems) {
    }

    private final Path file;
    private final Map<String, Known> known;
    private boolean changed;
    private int used;

    private SummaryCache(Path file, Map<String, Known> known) {
        this.file = file;
        this.known = known;
    }

    /** The cache kept in {@code file}; empty when there is none yet or it cannot be read. */
    public static SummaryCache at(Path file) {
        return new SummaryCache(file, load(file));
    }

    /** No cache: every summary is read from its file. */
    public static SummaryCache none() {
        return new SummaryCache(null, new HashMap<>());
    }

    Known get(Path transcript) {
        return known.get(transcript.toString());
    }

    /** Counts an answer the cache gave: when every entry answered once and nothing changed, it stays as it is. */
    void used() {
        used++;
    }

    void put(Path transcript, Known k) {
        known.put(transcript.toString(), k);
        changed = true;
    }

    /** Whether the cache, unchanged, answered for each of its entries: then it holds exactly what exists. */
    boolean exact() {
        return !changed && used == known.size();
    }

    /** Forgets the files not in {@code listed} (deleted since), so the cache holds what exists. */
    void keepOnly(java.util.Set<String> listed) {
        changed |= known.keySet().retainAll(listed);
    }

    /**
     * Writes the cache when anything changed. Returns false when it could not be written: a cache is never worth failing a command for.
     */
    public boolean save() {
        if (file == null || !changed) {
            return true;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeLong(MAGIC);
            out.writeInt(known.size());
            for (Map.Entry<String, Known> e : known.entrySet()) {
                write(out, e.getKey(), e.getValue());
            }
            out.flush();
            AtomicFiles.write(file, bytes.toByteArray());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Known> load(Path file) {
        Map<String, Known> map = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return map;
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            if (in.readLong() != MAGIC) {
                return map;
            }
            int n = in.readInt();
            map = new HashMap<>(n * 4 / 3 + 1);
            Map<String, String> shared = new HashMap<>();
            for (; n > 0; n--) {
                String path = in.readUTF();
                map.put(path, read(in, shared));
            }
            return map;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>(); // damaged or of another version: start again
        }
    }

    private static void write(DataOutputStream out, String path, Known k) throws IOException {
        out.writeUTF(path);
        out.writeLong(k.size());
        out.writeLong(k.modified().getEpochSecond());
        out.writeInt(k.modified().getNano());
        out.writeInt(k.tailCrc());
        SessionSummary s = k.summary();
        out.writeUTF(s.id());
        out.writeUTF(s.projectKey());
        nullable(out, s.projectPath());
        nullable(out, s.firstTimestamp());
        nullable(out, s.lastTimestamp());
        out.writeLong(s.messages());
        out.writeLong(s.lines());
        out.writeLong(s.bytes());
        nullable(out, s.firstPrompt());
        Problems.OfFile p = k.problems();
        out.writeLong(p.brokenLines());
        out.writeLong(p.firstBrokenLine());
        nullable(out, p.firstReason());
        out.writeInt(p.messages().size());
        for (String m : p.messages()) {
            out.writeUTF(m);
        }
    }

    /** One entry; the project's key and path, the same for many sessions, are kept once ({@code shared}). */
    private static Known read(DataInputStream in, Map<String, String> shared) throws IOException {
        long size = in.readLong();
        Instant modified = Instant.ofEpochSecond(in.readLong(), in.readInt());
        int crc = in.readInt();
        String id = in.readUTF();
        String key = once(shared, in.readUTF());
        String path = once(shared, nullable(in));
        SessionSummary s = new SessionSummary(id, key, path, nullable(in), nullable(in), in.readLong(), in.readLong(), in.readLong(),
                nullable(in));
        long broken = in.readLong();
        long first = in.readLong();
        String reason = nullable(in);
        int count = in.readInt();
        if (broken == 0 && count == 0) {
            return new Known(size, modified, crc, s, Problems.OfFile.NONE);
        }
        String[] messages = new String[count];
        for (int i = 0; i < messages.length; i++) {
            messages[i] = in.readUTF();
        }
        return new Known(size, modified, crc, s, new Problems.OfFile(broken, first, reason, List.of(messages)));
    }

    private static String once(Map<String, String> shared, String s) {
        return s == null ? null : shared.computeIfAbsent(s, k -> k);
    }

    /** writeUTF holds at most 65,535 bytes; longer texts (a problem message, never a path) are cut. */
    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s.length() > 8000 ? s.substring(0, 8000) : s);
        }
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
