package dev.tether.find.search;

import dev.tether.find.Problems;
import dev.tether.find.TranscriptReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Finds the lines of a transcript that may hold every term, reading it in large chunks and never
 * splitting it into lines first: the anchor term is searched across the whole chunk, and only where it
 * may occur is the line around it found and the other terms looked for in it. A line without the
 * anchor costs one pass of a byte loop over it. Reads {@code .jsonl.gz} too; the lines before a
 * truncated gzip member are searched, the rest is reported.
 */
final class CandidateLines {
    private static final int CHUNK = 1 << 20;

    /** Receives a candidate line: {@code buf[from, to)} without the line end, at {@code offset} in the file. */
    interface Sink {
        /** Returns false to stop. */
        boolean line(byte[] buf, int from, int to, long offset);
    }

    /** Reused from file to file: most transcripts are small, and a fresh megabyte for each cost more than reading it. */
    private byte[] buf = new byte[CHUNK];

    /** Returns false when the sink stopped. */
    boolean scan(Path file, Term anchor, List<Term> others, Sink sink, Problems problems) {
        if (buf.length > CHUNK) {
            buf = new byte[CHUNK]; // after a long line, give the memory back
        }
        byte[] buf = this.buf;
        int len = 0;
        long base = 0;
        boolean skipping = false;
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = TranscriptReader.gzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
            while (true) {
                if (len == buf.length) { // a full buffer without a line end
                    if (buf.length >= TranscriptReader.MAX_LINE) {
                        problems.file(file, "a line at byte " + base + " is longer than " + (TranscriptReader.MAX_LINE >> 20)
                                + " MiB: not searched");
                        skipping = true;
                        base += len;
                        len = 0;
                    } else {
                        buf = Arrays.copyOf(buf, Math.min(TranscriptReader.MAX_LINE, buf.length * 2));
                        this.buf = buf;
                    }
                }
                int n = in.read(buf, len, buf.length - len);
                if (n < 0) {
                    return skipping || len == 0 || region(buf, 0, len, base, anchor, others, sink);
                }
                int start = len;
                len += n;
                if (skipping) {
                    int nl = indexOf(buf, (byte) '\n', start, len);
                    if (nl < 0) {
                        base += len;
                        len = 0;
                        continue;
                    }
                    System.arraycopy(buf, nl + 1, buf, 0, len - nl - 1);
                    base += nl + 1;
                    len -= nl + 1;
                    start = 0;
                    skipping = false;
                }
                int last = len - 1;
                while (last >= start && buf[last] != '\n') {
                    last--;
                }
                if (last < start) {
                    continue;
                }
                if (!region(buf, 0, last, base, anchor, others, sink)) {
                    return false;
                }
                System.arraycopy(buf, last + 1, buf, 0, len - last - 1);
                base += last + 1;
                len -= last + 1;
            }
        } catch (NoSuchFileException e) {
            problems.file(file, "gone while reading (deleted or moved)");
        } catch (EOFException e) {
            problems.file(file, "truncated" + (TranscriptReader.gzip(file) ? " gzip member" : "") + " after byte " + base
                    + " of its content; what came before was searched");
        } catch (ZipException e) {
            problems.file(file, "corrupt gzip data after byte " + base + " of its content (" + e.getMessage()
                    + "); what came before was searched");
        } catch (IOException e) {
            problems.file(file, "cannot read: " + e.getMessage());
        }
        return true;
    }

    /** Whole lines in {@code buf[from, to)} ({@code to} is a line end or the end of the file). */
    private static boolean region(byte[] buf, int from, int to, long base, Term anchor, List<Term> others, Sink sink) {
        int i = from;
        while (i < to) {
            int p = anchor.find(buf, i, to);
            if (p < 0) {
                return true;
            }
            int lineStart = lastNewline(buf, from, p) + 1;
            int lineEnd = indexOf(buf, (byte) '\n', p, to);
            lineEnd = lineEnd < 0 ? to : lineEnd;
            boolean all = true;
            for (Term t : others) {
                if (!t.occursIn(buf, lineStart, lineEnd)) {
                    all = false;
                    break;
                }
            }
            if (all && !sink.line(buf, lineStart, lineEnd, base + lineStart)) {
                return false;
            }
            i = lineEnd + 1;
        }
        return true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    /**
     * The bytes of {@code w} that equal {@code b}, each marked by its high bit, exactly (no false marks
     * above a match, unlike the shorter trick): {@code ~(((x & 0x7F..) + 0x7F..) | x | 0x7F..)} of {@code w ^ b...}.
     */
    private static long matches(long w, byte b) {
        long x = w ^ ((b & 0xFFL) * 0x0101010101010101L);
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** The first {@code b} in {@code buf[from, to)}, or -1; eight bytes at a time (a candidate line is long). */
    static int indexOf(byte[] buf, byte b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = matches((long) LONGS.get(buf, i), b);
            if (m != 0) {
                return i + (Long.numberOfTrailingZeros(m) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The last line end in {@code buf[from, before)}, or {@code from - 1}; eight bytes at a time, backwards. */
    static int lastNewline(byte[] buf, int from, int before) {
        int i = before;
        for (; i - 8 >= from; i -= 8) {
            long m = matches((long) LONGS.get(buf, i - 8), (byte) '\n');
            if (m != 0) {
                return i - 8 + ((63 - Long.numberOfLeadingZeros(m)) >>> 3);
            }
        }
        for (i--; i >= from; i--) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return from - 1;
    }
}
