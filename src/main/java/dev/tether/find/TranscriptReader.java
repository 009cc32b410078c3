package dev.tether.find;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a transcript line by line as bytes: a live {@code .jsonl}, or a {@code .jsonl.gz} of one or
 * more gzip members (the archive's form, as {@code zcat} reads it). Never throws: an unreadable file, a
 * truncated or corrupt gzip member, a line too long to hold are reported to {@link Problems} and the
 * lines before them are still delivered. The unfinished line a truncated member ends in is dropped, not
 * delivered as a broken line, and the report says so.
 */
public final class TranscriptReader {
    /** A line longer than this is skipped (reported), so one odd file cannot take all memory. */
    public static final int MAX_LINE = 64 << 20;

    private TranscriptReader() {
    }

    public static boolean gzip(Path file) {
        return file.getFileName().toString().endsWith(".gz");
    }

    /** Reads every line; returns the number of bytes read (decompressed). */
    public static long read(Path file, LineVisitor visitor, Problems problems) {
        return read(file, 0, visitor, problems);
    }

    /**
     * Reads the lines that start at or after {@code from} (a line boundary, used to go on reading a file
     * that grew; 0 for a gzip file); returns the offset after the last byte read.
     */
    public static long read(Path file, long from, LineVisitor visitor, Problems problems) {
        Splitter splitter = new Splitter(file, visitor, problems, from);
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = gzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
            if (from > 0) {
                in.skipNBytes(from);
            }
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0 && !splitter.stopped; n = in.read(buf)) {
                splitter.feed(buf, n);
            }
            splitter.finish();
        } catch (NoSuchFileException e) {
            problems.file(file, "gone while reading (deleted or moved)");
        } catch (EOFException e) {
            problems.file(file, "truncated" + (gzip(file) ? " gzip member" : "") + " after line " + splitter.number
                    + splitter.droppedNote() + "; the lines before it were read");
        } catch (ZipException e) {
            problems.file(file, "corrupt gzip data after line " + splitter.number + " (" + e.getMessage() + ")"
                    + splitter.droppedNote() + "; the lines before it were read");
        } catch (IOException e) {
            problems.file(file, "cannot read after line " + splitter.number + ": " + e.getMessage());
        }
        return splitter.offset;
    }

    /** Cuts the bytes into lines; holds at most one line. */
    private static final class Splitter {
        private final Path file;
        private final LineVisitor visitor;
        private final Problems problems;
        private byte[] line = new byte[1024];
        private int length;
        private boolean tooLong;
        /** Bytes of the current line not kept because it is too long. */
        private long skipped;
        long number;
        long offset;
        boolean stopped;

        Splitter(Path file, LineVisitor visitor, Problems problems, long from) {
            this.file = file;
            this.visitor = visitor;
            this.problems = problems;
            this.offset = from;
        }

        void feed(byte[] buf, int n) {
            int start = 0;
            for (int i = 0; i < n && !stopped; i++) {
                if (buf[i] == '\n') {
                    append(buf, start, i - start);
                    deliver(1);
                    start = i + 1;
                }
            }
            if (!stopped) {
                append(buf, start, n - start);
            }
        }

        void finish() {
            if (!stopped && (length > 0 || tooLong)) {
                deliver(0); // a last line without a line end still counts
            }
        }

        String droppedNote() {
            return length > 0 ? " (an unfinished line of " + length + " bytes at its end was dropped)" : "";
        }

        private void append(byte[] buf, int from, int n) {
            if (n == 0) {
                return;
            }
            if (tooLong || (long) length + n > MAX_LINE) {
                tooLong = true;
                skipped += n;
                return;
            }
            if (length + n > line.length) {
                line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
            }
            System.arraycopy(buf, from, line, length, n);
            length += n;
        }

        private void deliver(int end) {
            number++;
            if (tooLong) {
                problems.file(file, "line " + number + " is longer than " + (MAX_LINE >> 20) + " MiB: skipped");
                offset += length + skipped + end;
                tooLong = false;
                skipped = 0;
                length = 0;
                return;
            }
            int crEnd = length > 0 && line[length - 1] == '\r' ? 1 : 0;
            byte[] bytes = Arrays.copyOf(line, length - crEnd);
            offset += length + end;
            int size = length + end;
            length = 0;
            if (!visitor.line(bytes, number, size)) {
                stopped = true;
            }
        }
    }
}
