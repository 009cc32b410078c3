package dev.tether.find;

import dev.tether.state.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>In memory the file stays as it was read, one array, with an index of where each entry starts; an
 * entry is decoded when a transcript asks for it. Decoded all at once, 20,000 entries were some 200,000
 * objects that lived to the end of the command, and the garbage collector copied them again and again.
 */
public final class SummaryCache {
    private static final long MAGIC = 0x7465746865725331L; // "tetherS1"

    /** One file's cached knowledge. {@code size} is what the summary covers ({@code summary.bytes()}). */
    public record Known(long size, Instant modified, int tailCrc, SessionSummary summary, Problems.OfFile problems) {
    }

    private final Path file;
    /** The cache file as read; entries are decoded from it on demand. */
    private final byte[] data;
    /** Where each entry of {@link #data} starts (its key). */
    private final int[] entries;
    /** The hash of each entry's key ({@link String#hashCode} of the path). */
    private final int[] hashes;
    /** Entries replaced by {@link #put} or forgotten by {@link #keepOnly}. */
    private final boolean[] gone;
    /** Open addressing over the entries by key: entry index + 1, 0 where none. */
    private final int[] table;
    /** What was learnt in this run, by path: new files and files whose entry of {@link #data} is gone. */
    private final Map<String, Known> added = new HashMap<>();
    /** The project keys and paths decoded so far, kept once: many sessions share them. */
    private final Map<String, String> shared = new HashMap<>();
    private int live;
    private boolean changed;
    private int used;

    private SummaryCache(Path file, byte[] data) {
        this.file = file;
        int[] found = index(data);
        if (found == null) {
            data = new byte[0];
            found = new int[0];
        }
        this.data = data;
        this.entries = found;
        this.hashes = new int[found.length];
        this.gone = new boolean[found.length];
        int size = Integer.highestOneBit(Math.max(4, found.length * 2 - 1)) << 1;
        this.table = new int[found.length == 0 ? 0 : size];
        Reader r = new Reader(data);
        for (int i = 0; i < found.length; i++) {
            r.pos = found[i];
            hashes[i] = r.keyHash();
            insert(i);
        }
    }

    /** The cache kept in {@code file}; empty when there is none yet or it cannot be read. */
    public static SummaryCache at(Path file) {
        byte[] data = null;
        if (Files.isRegularFile(file)) {
            try {
                data = Files.readAllBytes(file);
            } catch (IOException | RuntimeException e) {
                data = null; // unreadable: start again
            }
        }
        return new SummaryCache(file, data);
    }

    /** No cache: every summary is read from its file. */
    public static SummaryCache none() {
        return new SummaryCache(null, null);
    }

    /**
     * What is known of a transcript, or null. {@code id} is the session's id as listed: the summary shares
     * that string rather than holding its own copy.
     */
    Known get(TranscriptFile transcript, String id) {
        if (!added.isEmpty()) {
            Known k = added.get(transcript.path().toString());
            if (k != null) {
                return k;
            }
        }
        if (table.length == 0) {
            return null;
        }
        String prefix;
        String separator;
        String stem;
        String ending;
        String folder = transcript.folder() == null ? "" : transcript.folder().toString();
        String sep = transcript.folder() == null ? "" : transcript.folder().getFileSystem().getSeparator();
        if (transcript.plainName() && !folder.isEmpty() && !folder.endsWith(sep)) {
            prefix = folder; // the path's string is folder + separator + name: looked up without making it
            separator = sep;
            stem = transcript.stem();
            ending = transcript.ending();
        } else {
            prefix = transcript.path().toString();
            separator = "";
            stem = "";
            ending = "";
        }
        int h = hash(hash(hash(hash(0, prefix), separator), stem), ending);
        int mask = table.length - 1;
        Reader r = new Reader(data);
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            if (!gone[i] && hashes[i] == h) {
                r.pos = entries[i];
                if (r.keyEquals(prefix, separator, stem, ending)) {
                    try {
                        return r.known(shared, id);
                    } catch (IOException | RuntimeException e) {
                        return null; // a damaged entry: read the file again
                    }
                }
            }
        }
        return null;
    }

    /** Counts an answer the cache gave: when every entry answered once and nothing changed, it stays as it is. */
    void used() {
        used++;
    }

    void put(TranscriptFile transcript, Known k) {
        String key = transcript.path().toString();
        int i = find(key);
        if (i >= 0) {
            gone[i] = true;
            live--;
        }
        added.put(key, k);
        changed = true;
    }

    /** Whether the cache, unchanged, answered for each of its entries: then it holds exactly what exists. */
    boolean exact() {
        return !changed && used == live + added.size();
    }

    /** Forgets the files not in {@code listed} (deleted since), so the cache holds what exists. */
    void keepOnly(java.util.Set<String> listed) {
        for (int i = 0; i < entries.length; i++) {
            if (!gone[i] && !listed.contains(keyOf(i))) {
                gone[i] = true;
                live--;
                changed = true;
            }
        }
        changed |= added.keySet().retainAll(listed);
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
            out.writeInt(live + added.size());
            Reader r = new Reader(data);
            for (int i = 0; i < entries.length; i++) {
                if (!gone[i]) {
                    r.pos = entries[i];
                    r.skipUtf();
                    write(out, keyOf(i), r.known(shared, null));
                }
            }
            for (Map.Entry<String, Known> e : added.entrySet()) {
                write(out, e.getKey(), e.getValue());
            }
            out.flush();
            AtomicFiles.write(file, bytes.toByteArray());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Adds entry {@code i} to the table; an earlier entry with the same key (a damaged file's) is replaced. */
    private void insert(int i) {
        int mask = table.length - 1;
        Reader r = new Reader(data);
        int slot = hashes[i] & mask;
        for (; table[slot] != 0; slot = (slot + 1) & mask) {
            int j = table[slot] - 1;
            if (hashes[j] == hashes[i]) {
                r.pos = entries[i];
                if (r.keyEquals(keyOf(j), "", "", "")) {
                    gone[j] = true;
                    table[slot] = i + 1;
                    return; // live stays: one entry in, one out
                }
            }
        }
        table[slot] = i + 1;
        live++;
    }

    /** The key (the transcript's path) of entry {@code i}, checked when the index was made. */
    private String keyOf(int i) {
        Reader r = new Reader(data);
        r.pos = entries[i];
        try {
            return r.utf();
        } catch (IOException e) {
            throw new IllegalStateException("an indexed key is checked", e);
        }
    }

    /** The entry of {@link #data} with this key that is not gone, or -1. */
    private int find(String key) {
        if (table.length == 0) {
            return -1;
        }
        int h = hash(0, key);
        int mask = table.length - 1;
        Reader r = new Reader(data);
        for (int slot = h & mask; table[slot] != 0; slot = (slot + 1) & mask) {
            int i = table[slot] - 1;
            r.pos = entries[i];
            if (!gone[i] && hashes[i] == h && r.keyEquals(key, "", "", "")) {
                return i;
            }
        }
        return -1;
    }

    /** {@link String#hashCode} continued over {@code s}. */
    private static int hash(int h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }

    /**
     * Where each entry of a cache file starts, every entry checked as {@link DataInputStream} would read it;
     * null when the file is missing, of another version or damaged (then the cache starts again).
     */
    private static int[] index(byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            Reader r = new Reader(data);
            if (r.readLong() != MAGIC) {
                return null;
            }
            int n = r.readInt();
            if (n < 0 || n > data.length / 32) {
                return null; // an entry takes more than 32 bytes
            }
            int[] found = new int[n];
            for (int i = 0; i < n; i++) {
                found[i] = r.pos;
                r.skipUtf();
                r.known(null, null);
            }
            return found;
        } catch (IOException | RuntimeException e) {
            return null; // damaged or of another version: start again
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

    /** writeUTF holds at most 65,535 bytes; longer texts (a problem message, never a path) are cut. */
    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s.length() > 8000 ? s.substring(0, 8000) : s);
        }
    }


    /**
     * Reads the cache file's bytes as {@link DataInputStream} reads them (big-endian numbers, strings in
     * modified UTF-8 after their length), without copying them into a stream first.
     */
    private static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        private void need(int n) throws EOFException {
            if (n < 0 || pos + n > b.length) {
                throw new EOFException();
            }
        }

        long readLong() throws EOFException {
            need(8);
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = v << 8 | (b[pos++] & 0xFF);
            }
            return v;
        }

        int readInt() throws EOFException {
            need(4);
            int v = 0;
            for (int k = 0; k < 4; k++) {
                v = v << 8 | (b[pos++] & 0xFF);
            }
            return v;
        }

        boolean readBoolean() throws EOFException {
            need(1);
            return b[pos++] != 0;
        }

        private int utfLength() throws EOFException {
            need(2);
            int n = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
            pos += 2;
            need(n);
            return n;
        }

        /** A string as {@link DataInputStream#readUTF} reads it. */
        String utf() throws IOException {
            int n = utfLength();
            for (int k = pos; k < pos + n; k++) {
                if (b[k] < 0) { // beyond ASCII: decoded as DataInputStream decodes modified UTF-8
                    char[] chars = new char[n];
                    int count = 0;
                    int end = pos + n;
                    while (pos < end) {
                        chars[count++] = next(end);
                    }
                    return new String(chars, 0, count);
                }
            }
            String s = new String(b, pos, n, StandardCharsets.ISO_8859_1);
            pos += n;
            return s;
        }

        /** {@link #utf()}, but {@code same} itself when the string read equals it. */
        String utf(String same) throws IOException {
            if (same != null && pos + 2 <= b.length) {
                int n = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
                if (n == same.length() && pos + 2 + n <= b.length) {
                    boolean equal = true;
                    for (int k = 0; k < n && equal; k++) {
                        equal = b[pos + 2 + k] >= 0 && b[pos + 2 + k] == same.charAt(k);
                    }
                    if (equal) {
                        pos += 2 + n;
                        return same;
                    }
                }
            }
            return utf();
        }

        String nullable() throws IOException {
            return readBoolean() ? utf() : null;
        }

        /** Passes over a string, checking it as {@link DataInputStream#readUTF} would. */
        void skipUtf() throws IOException {
            int n = utfLength();
            int end = pos + n;
            while (pos < end) {
                if (b[pos] >= 0) {
                    pos++; // ASCII, the usual case: nothing to check
                } else {
                    next(end);
                }
            }
        }

        private void skipNullable() throws IOException {
            if (readBoolean()) {
                skipUtf();
            }
        }

        /** The next UTF-16 unit of a modified UTF-8 string ending at {@code end}. */
        private char next(int end) throws UTFDataFormatException {
            int c = b[pos] & 0xFF;
            switch (c >> 4) {
                case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                    pos++;
                    return (char) c;
                }
                case 12, 13 -> {
                    if (pos + 2 > end || (b[pos + 1] & 0xC0) != 0x80) {
                        throw new UTFDataFormatException();
                    }
                    char ch = (char) ((c & 0x1F) << 6 | (b[pos + 1] & 0x3F));
                    pos += 2;
                    return ch;
                }
                case 14 -> {
                    if (pos + 3 > end || (b[pos + 1] & 0xC0) != 0x80 || (b[pos + 2] & 0xC0) != 0x80) {
                        throw new UTFDataFormatException();
                    }
                    char ch = (char) ((c & 0x0F) << 12 | (b[pos + 1] & 0x3F) << 6 | (b[pos + 2] & 0x3F));
                    pos += 3;
                    return ch;
                }
                default -> throw new UTFDataFormatException();
            }
        }

        /** The {@link String#hashCode} of the key at {@link #pos} (checked when the index was made). */
        int keyHash() {
            try {
                int n = utfLength();
                int end = pos + n;
                int h = 0;
                while (pos < end) {
                    h = 31 * h + (b[pos] >= 0 ? (char) b[pos++] : next(end));
                }
                return h;
            } catch (IOException e) {
                throw new IllegalStateException("an indexed key is checked", e);
            }
        }

        /** Whether the key at {@link #pos} is {@code a + b + c + d}. */
        boolean keyEquals(String a, String b, String c, String d) {
            try {
                int n = utfLength();
                int end = pos + n;
                return matches(a, end) && matches(b, end) && matches(c, end) && matches(d, end) && pos == end;
            } catch (IOException e) {
                return false;
            }
        }

        /** Whether the string ending at {@code end} goes on with {@code part} at {@link #pos}. */
        private boolean matches(String part, int end) throws IOException {
            for (int k = 0; k < part.length(); k++) {
                if (pos >= end) {
                    return false;
                }
                char c = b[pos] >= 0 ? (char) b[pos++] : next(end); // ASCII read as is, the rest decoded
                if (c != part.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The entry after its key, at {@link #pos}; the project's key and path kept once in {@code shared},
         * the session id {@code id} itself when the entry holds that id. With {@code shared} null, only checks it.
         */
        Known known(Map<String, String> shared, String id) throws IOException {
            long size = readLong();
            long seconds = readLong();
            int nanos = readInt();
            int crc = readInt();
            if (shared == null) {
                skipUtf();
                skipUtf();
                skipNullable();
                skipNullable();
                skipNullable();
                readLong();
                readLong();
                readLong();
                skipNullable();
                readLong();
                readLong();
                skipNullable();
                int count = readInt();
                if (count < 0) {
                    throw new EOFException();
                }
                for (int i = 0; i < count; i++) {
                    skipUtf();
                }
                Instant.ofEpochSecond(seconds, nanos); // as reading would: a time out of range is damage
                return null;
            }
            Instant modified = Instant.ofEpochSecond(seconds, nanos);
            String sessionId = utf(id);
            String key = once(shared, utf());
            String path = once(shared, nullable());
            SessionSummary s = new SessionSummary(sessionId, key, path, nullable(), nullable(), readLong(), readLong(), readLong(),
                    nullable());
            long broken = readLong();
            long first = readLong();
            String reason = nullable();
            int count = readInt();
            if (broken == 0 && count == 0) {
                return new Known(size, modified, crc, s, Problems.OfFile.NONE);
            }
            if (count < 0) {
                throw new EOFException();
            }
            String[] messages = new String[count];
            for (int i = 0; i < messages.length; i++) {
                messages[i] = utf();
            }
            return new Known(size, modified, crc, s, new Problems.OfFile(broken, first, reason, List.of(messages)));
        }

        private static String once(Map<String, String> shared, String s) {
            return s == null ? null : shared.computeIfAbsent(s, k -> k);
        }
    }
}
