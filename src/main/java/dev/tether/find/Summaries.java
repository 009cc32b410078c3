package dev.tether.find;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The summary of each session, as cheaply as it can be had: the source's index when it has one (the
 * archive's), else the cache when the file is unchanged, else by reading only what the file gained
 * since the cache saw it (Claude Code appends), else by reading the whole transcript once.
 */
public final class Summaries {
    /** How much of a file's end is checksummed to tell growth from rewriting. */
    private static final int TAIL = 4096;

    private final SummaryCache cache;

    public Summaries(SummaryCache cache) {
        this.cache = cache;
    }

    /** The summary of a session, its copies merged; the problems met reading them go to {@code problems}. */
    public SessionSummary of(CatalogEntry entry, Problems problems) {
        SessionSummary merged = null;
        for (StoredSession copy : entry.copies()) {
            SessionSummary s = of(copy, problems);
            merged = merged == null ? s : merged.merge(s);
        }
        return merged;
    }

    /** Tells the cache which transcripts exist now, and writes it; false when it could not be written. */
    public boolean save(Catalog catalog) {
        if (cache.exact()) {
            return true;
        }
        Set<String> listed = new HashSet<>();
        for (CatalogEntry e : catalog.entries()) {
            e.copies().forEach(c -> listed.add(c.transcript().path().toString()));
        }
        cache.keepOnly(listed);
        return cache.save();
    }

    SessionSummary of(StoredSession copy, Problems problems) {
        if (copy.indexed() != null) {
            return copy.indexed();
        }
        TranscriptFile t = copy.transcript();
        SummaryCache.Known known = cache.get(t, copy.id());
        if (known != null && known.size() == t.size() && t.modifiedAt(known.modified())) {
            cache.used();
            if (!known.problems().isEmpty()) {
                problems.add(t.path(), known.problems());
            }
            return known.summary();
        }
        Path path = t.path(); // made once: the transcript keeps its folder and name
        SummaryAccumulator acc;
        long from;
        Problems.OfFile before;
        if (known != null && !t.gzip() && t.size() > known.size() && known.tailCrc() != -1
                && tailCrc(path, known.size()) == known.tailCrc()) {
            acc = SummaryAccumulator.resume(known.summary());
            from = known.size();
            before = known.problems();
        } else {
            acc = SummaryAccumulator.start(copy.id(), copy.projectKey());
            from = 0;
            before = Problems.OfFile.NONE;
        }
        Problems mine = new Problems();
        mine.add(path, before);
        long end = TranscriptReader.read(path, from, (line, number, size) -> {
            if (!acc.accept(line, size)) {
                mine.line(path, number, reasonOf(line));
            }
            return true;
        }, mine);
        SessionSummary summary = acc.summary();
        Problems.OfFile found = mine.of(path);
        problems.add(path, found);
        if (!t.gzip() && end == summary.bytes()) {
            cache.put(t, new SummaryCache.Known(end, t.modified(), tailCrc(path, end), summary, found));
        } else if (t.gzip()) {
            cache.put(t, new SummaryCache.Known(t.size(), t.modified(), 0, summary, found));
        }
        return summary;
    }

    /** Why a line the summary could not read is broken: the full parser says it (rare, so its cost does not matter). */
    private static String reasonOf(byte[] line) {
        Entry e = TranscriptParser.parse(line);
        return e instanceof BrokenLine b ? b.reason() : "not readable";
    }

    /**
     * CRC-32 of the {@link #TAIL} bytes before {@code end}, ending in a line end; -1 when the file is
     * shorter, unreadable, or those bytes do not end a line (then resuming there would split a line).
     */
    static int tailCrc(Path file, long end) {
        if (end <= 0) {
            return -1;
        }
        int n = (int) Math.min(TAIL, end);
        ByteBuffer buf = ByteBuffer.allocate(n);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = end - n;
            while (buf.hasRemaining()) {
                if (ch.read(buf, at + buf.position()) < 0) {
                    return -1;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        byte[] bytes = buf.array();
        if (bytes[n - 1] != '\n') {
            return -1;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
