package dev.tether.archive;

import dev.tether.conflict.DigestSet;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Archives one file's {@link BackupPlan.Work}: appends a transcript's new bytes or missing lines as one
 * gzip member, or keeps another file's new content as a new version. Every write is forced to the disk
 * before it returns; the catalog records it only after the whole run. A live file that cannot be read is
 * reported ({@link Unreadable}) and whatever was written for it is taken back.
 */
final class FileArchiver {
    private static final int BUFFER = 1 << 16;

    /** What archiving one file did. */
    record Outcome(String rel, Catalog.Entry entry, long bytes, long lines, long archiveGrowth, SessionEntry session) {
    }

    /** The live file could not be read; the archive holds what it held before for it. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final String rel;

        Unreadable(String rel, IOException cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
            this.rel = rel;
        }
    }

    private final ArchiveLayout layout;
    private final Platform platform;
    private final String runId;
    private final String hostname;

    FileArchiver(ArchiveLayout layout, Platform platform, String runId, String hostname) {
        this.layout = layout;
        this.platform = platform;
        this.runId = runId;
        this.hostname = hostname;
    }

    /** @param session the index's entry of this transcript, or null (not a session, or new to the index) */
    Outcome archive(BackupPlan.Work work, SessionEntry session) throws IOException, Unreadable {
        if (work instanceof BackupPlan.Content c) {
            return new ContentArchiver(platform, runId).archive(c);
        }
        LiveFile f = work.file();
        Path archived = layout.lines(f.rel());
        long before = Files.exists(archived) ? Files.size(archived) : -1;
        SessionFacts facts = factsFor(f.rel(), session);
        try {
            if (work instanceof BackupPlan.Tail t && windowMatches(f, t.entry())) {
                return tail(f, t.entry().exact(), archived, before, facts);
            }
            if (work instanceof BackupPlan.Whole && before < 0) {
                return tail(f, 0, archived, before, facts);
            }
            return lines(f, archived, before, facts);
        } catch (UncheckedIOException e) {
            GzipMembers.truncate(archived, Math.max(0, before));
            if (before < 0) {
                Files.deleteIfExists(archived);
            }
            throw new Unreadable(f.rel(), e.getCause());
        }
    }

    private SessionFacts factsFor(String rel, SessionEntry session) {
        if (session != null) {
            return SessionFacts.from(session);
        }
        String[] keyAndId = SessionEntry.keyAndId(rel);
        return keyAndId == null ? null : new SessionFacts(keyAndId[1], keyAndId[0], true, hostname);
    }

    /** Whether the live bytes just before the archived prefix are still the ones archived (the file only grew). */
    private static boolean windowMatches(LiveFile f, Catalog.Entry entry) {
        try {
            return window(f.path(), entry.exact()) == entry.window();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CRC-32 of the up to {@link Catalog#WINDOW} bytes before {@code end}. */
    static long window(Path live, long end) throws IOException {
        int length = (int) Math.min(Catalog.WINDOW, end);
        ByteBuffer buf = ByteBuffer.allocate(length);
        try (FileChannel ch = FileChannel.open(live, StandardOpenOption.READ)) {
            long at = end - length;
            while (buf.hasRemaining()) {
                int n = ch.read(buf, at + buf.position());
                if (n < 0) {
                    return -1; // shorter than what was archived: not the same file
                }
            }
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, length);
        return crc.getValue();
    }

    /** The live bytes from {@code from} to the end, as one member; the archive stays the file's exact prefix. */
    private Outcome tail(LiveFile f, long from, Path archived, long before, SessionFacts facts) throws IOException {
        long[] read = new long[2];
        LineSplitter splitter = facts == null ? null : new LineSplitter((b, n, end) -> {
            facts.accept(b, n, end);
        });
        long after = before;
        try (FileChannel live = LiveReads.open(f)) {
            if (liveSize(live) > from || before < 0) { // a new transcript gets its file even when empty
                after = GzipMembers.append(archived, out -> copyFrom(live, from, out, read, splitter));
            }
        }
        if (splitter != null) {
            splitter.finish();
        }
        long end = from + read[0];
        Catalog.Entry entry = new Catalog.Entry(f.key(), end, mtimeAfter(f), after, end, liveWindow(f, end), List.of());
        return new Outcome(f.rel(), entry, read[0], read[1], after - Math.max(0, before), facts == null ? null : facts.entry());
    }

    private static long liveSize(FileChannel live) {
        try {
            return live.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyFrom(FileChannel live, long from, OutputStream out, long[] read, LineSplitter splitter)
            throws IOException {
        LiveReads.eachChunk(live, from, (buf, n) -> {
            out.write(buf, 0, n);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    read[1]++;
                }
            }
            if (splitter != null) {
                splitter.accept(buf, 0, n);
            }
            read[0] += n;
        });
    }

    /**
     * A transcript whose archive may not be its exact prefix any more. When it still is (the file was replaced by
     * a longer copy of itself, or this machine's catalog was lost), the new tail is appended as bytes; otherwise
     * the lines of the live file that the archive lacks (each once) become one member, made only when there is one.
     */
    private Outcome lines(LiveFile f, Path archived, long before, SessionFacts facts) throws IOException {
        long prefix = before >= 0 ? archivedPrefixOf(archived, f.path()) : 0;
        if (prefix >= 0) {
            return tail(f, prefix, archived, before, facts);
        }
        DigestSet seen = new DigestSet();
        boolean[] endsWithLineEnd = {true};
        if (before >= 0) {
            try (InputStream in = GzipMembers.open(archived)) {
                LineSplitter archivedLines = new LineSplitter((b, n, end) -> seen.add(b, 0, n));
                byte[] buf = new byte[BUFFER];
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    archivedLines.accept(buf, 0, n);
                    if (n > 0) {
                        endsWithLineEnd[0] = buf[n - 1] == '\n';
                    }
                }
                archivedLines.finish();
            }
        }
        List<byte[]> missing = new ArrayList<>();
        long[] counts = new long[2];
        try (FileChannel live = LiveReads.open(f)) {
            LineSplitter liveLines = new LineSplitter((b, n, end) -> {
                if (seen.add(b, 0, n)) {
                    byte[] line = java.util.Arrays.copyOf(b, n + 1);
                    line[n] = '\n';
                    missing.add(line);
                    counts[0] += n + 1;
                    counts[1]++;
                    if (facts != null) {
                        facts.accept(b, n, 1);
                    }
                }
            });
            LiveReads.eachChunk(live, 0, (buf, n) -> liveLines.accept(buf, 0, n));
            liveLines.finish();
        }
        long after = before;
        if (!missing.isEmpty()) {
            after = GzipMembers.append(archived, out -> {
                if (!endsWithLineEnd[0]) {
                    out.write('\n'); // the archive ended inside a line (one being written): the new lines start on their own
                }
                for (byte[] line : missing) {
                    out.write(line);
                }
            });
        }
        Catalog.Entry entry = new Catalog.Entry(f.key(), f.size(), f.mtime(), after, -1, 0, List.of());
        return new Outcome(f.rel(), entry, counts[0], counts[1], after - Math.max(0, before), facts == null ? null : facts.entry());
    }

    /** The archive's length when its content is a byte prefix of the live file's, else -1. */
    private static long archivedPrefixOf(Path archived, Path live) throws IOException {
        try (InputStream a = GzipMembers.open(archived); InputStream l = openLiveStream(live)) {
            byte[] x = new byte[BUFFER];
            byte[] y = new byte[BUFFER];
            long length = 0;
            while (true) {
                int nx = a.readNBytes(x, 0, x.length);
                if (nx == 0) {
                    return length;
                }
                int ny = readLive(l, y, nx);
                if (ny != nx || !java.util.Arrays.equals(x, 0, nx, y, 0, nx)) {
                    return -1;
                }
                length += nx;
            }
        }
    }

    private static InputStream openLiveStream(Path live) {
        try {
            return Files.newInputStream(live);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int readLive(InputStream in, byte[] buf, int length) {
        try {
            return in.readNBytes(buf, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long mtimeAfter(LiveFile f) {
        try {
            return Files.getLastModifiedTime(f.path()).toMillis();
        } catch (IOException e) {
            return f.mtime();
        }
    }

    private static long liveWindow(LiveFile f, long end) {
        try {
            return window(f.path(), end);
        } catch (IOException e) {
            return -1; // a mismatch next time: the file is compared line by line, nothing is lost
        }
    }
}
