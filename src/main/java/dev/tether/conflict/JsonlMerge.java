package dev.tether.conflict;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The union of the lines of several versions of one JSONL file (a main file and its conflict copies,
 * or a local and a synced session file): each distinct line once, byte-equal after stripping the
 * line end; lines that are not valid JSON kept verbatim.
 *
 * <p>Order: by the {@code timestamp} of each line (compared as instants; ties keep the inputs' order)
 * when every line has one; else the first input's order followed by the lines new in each further
 * input, in input order.
 *
 * <p>Memory: normally every input is already in timestamp order (Claude Code appends), and the inputs
 * are merged as streams, k-way: two byte-equal lines have equal timestamps, so duplicates are looked
 * for only among the lines of the current timestamp, and memory stays bounded whatever the file size.
 * Each input is read and scanned a little ahead on a thread of its own ({@link ScannedLines}).
 * Only when an input is out of order are the lines read into memory and sorted; when some line has no
 * timestamp, the merge streams again, keeping a 16-byte digest per distinct line rather than the line.
 *
 * <p>The merge is idempotent: merging the result with any of its inputs again gives the same bytes.
 */
public final class JsonlMerge {
    private JsonlMerge() {
    }

    /** Merges {@code main} and its {@code copies} into {@code out}; {@code main}'s order leads when the order falls back. */
    public static MergeResult merge(Path main, List<Path> copies, Path out) throws IOException {
        List<Path> inputs = new ArrayList<>();
        inputs.add(main);
        inputs.addAll(copies);
        return merge(inputs, out);
    }

    /**
     * Writes the union of {@code inputs} to {@code out} (created or truncated; never one of the
     * inputs), forces it to disk, and gives it the newest modification time of the inputs. The first
     * input's order leads when the order falls back. Links are not followed.
     */
    public static MergeResult merge(List<Path> inputs, Path out) throws IOException {
        requireDistinct(inputs, out);
        FileTime newest = newestModified(inputs);
        MergeResult result;
        try (FileChannel channel = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            LineSink.ToFile sink = new LineSink.ToFile(channel);
            result = run(inputs, sink);
            sink.flush();
            channel.force(true);
        }
        Files.setLastModifiedTime(out, newest);
        return result;
    }

    /** What {@link #merge(List, Path)} would produce, writing nothing (for {@code --dry-run}). */
    public static MergeResult preview(List<Path> inputs) throws IOException {
        return run(inputs, LineSink.DISCARD);
    }

    static MergeResult run(List<Path> inputs, LineSink sink) throws IOException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge");
        }
        Attempt streamed = SortedStreams.merge(inputs, sink);
        if (streamed.result() != null) {
            return streamed.result();
        }
        sink.restart();
        if (streamed.stop() == Cursor.Step.OUT_OF_ORDER && everyLineStamped(inputs)) {
            return sortedInMemory(inputs, sink);
        }
        return inInputOrder(inputs, sink);
    }

    /** The streamed merge's result, or why it stopped. */
    record Attempt(MergeResult result, Cursor.Step stop) {
    }

    /** Every line stamped, some input out of order: read everything, sort stably, write. */
    static MergeResult sortedInMemory(List<Path> inputs, LineSink sink) throws IOException {
        record Stamped(byte[] line, Instant stamp) {
        }
        List<Stamped> all = new ArrayList<>();
        Counts counts = eachLine(inputs, (line, stamp) -> all.add(new Stamped(line, stamp.stamp())));
        all.sort(Comparator.comparing(Stamped::stamp)); // stable: equal instants keep input, then line, order
        Emitter emitter = new Emitter(sink, true);
        for (Stamped s : all) {
            emitter.emit(s.line(), new LineStamp(true, s.stamp()));
        }
        return emitter.result(counts.perInput(), counts.blanks(), true, false);
    }

    /** Some line lacks a timestamp: the first input's lines, then each further input's new ones. */
    static MergeResult inInputOrder(List<Path> inputs, LineSink sink) throws IOException {
        Emitter emitter = new Emitter(sink, false);
        Counts counts = eachLine(inputs, emitter::emit);
        return emitter.result(counts.perInput(), counts.blanks(), false, true);
    }

    /** What a pass over the inputs counted: the lines of each input (blank ones aside), and the blank lines of all. */
    private record Counts(List<Long> perInput, long blanks) {
    }

    /** One line and its stamp, in input order. */
    private interface LineVisitor {
        void line(byte[] line, LineStamp stamp) throws IOException;
    }

    /** Gives {@code visitor} every line that is not blank, input after input, and counts. */
    private static Counts eachLine(List<Path> inputs, LineVisitor visitor) throws IOException {
        List<Long> perInput = new ArrayList<>();
        long blanks = 0;
        for (Path input : inputs) {
            long count = 0;
            try (LineReader reader = new LineReader(input)) {
                for (byte[] line; (line = reader.next()) != null; ) {
                    if (LineReader.isBlank(line)) {
                        blanks++;
                    } else {
                        count++;
                        visitor.line(line, LineStamp.of(line));
                    }
                }
            }
            perInput.add(count);
        }
        return new Counts(perInput, blanks);
    }

    private static boolean everyLineStamped(List<Path> inputs) throws IOException {
        for (Path input : inputs) {
            try (LineReader reader = new LineReader(input)) {
                for (byte[] line; (line = reader.next()) != null; ) {
                    if (!LineReader.isBlank(line) && !LineStamp.of(line).stamped()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The k-way merge of inputs that are each in timestamp order; stops at the first line that breaks that. */
    private static final class SortedStreams {
        static Attempt merge(List<Path> inputs, LineSink sink) throws IOException {
            List<Cursor> cursors = new ArrayList<>();
            try {
                PriorityQueue<Cursor> queue = new PriorityQueue<>(
                        Comparator.comparing(Cursor::stamp).thenComparingInt(Cursor::index));
                for (int i = 0; i < inputs.size(); i++) {
                    Cursor c = new Cursor(i, new ScannedLines(inputs.get(i)));
                    cursors.add(c);
                    Cursor.Step step = c.advance();
                    if (step == Cursor.Step.LINE) {
                        queue.add(c);
                    } else if (step != Cursor.Step.END) {
                        return new Attempt(null, step);
                    }
                }
                Emitter emitter = new Emitter(sink, true);
                while (!queue.isEmpty()) {
                    Cursor c = queue.poll();
                    emitter.emit(c.line(), c.lineStamp());
                    Cursor.Step step = c.advance();
                    if (step == Cursor.Step.LINE) {
                        queue.add(c);
                    } else if (step != Cursor.Step.END) {
                        return new Attempt(null, step);
                    }
                }
                return new Attempt(emitter.result(cursors.stream().map(Cursor::count).toList(),
                        cursors.stream().mapToLong(Cursor::blanks).sum(), true, true), null);
            } finally {
                for (Cursor c : cursors) {
                    c.close();
                }
            }
        }
    }

    private static void requireDistinct(List<Path> inputs, Path out) throws IOException {
        for (Path input : inputs) {
            boolean same = Files.exists(out, LinkOption.NOFOLLOW_LINKS) && Files.exists(input, LinkOption.NOFOLLOW_LINKS)
                    ? Files.isSameFile(out, input)
                    : out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize());
            if (same) {
                throw new IllegalArgumentException("the merge output " + out + " is one of its inputs");
            }
        }
    }

    private static FileTime newestModified(List<Path> inputs) throws IOException {
        FileTime newest = FileTime.fromMillis(0);
        for (Path input : inputs) {
            FileTime t = Files.getLastModifiedTime(input, LinkOption.NOFOLLOW_LINKS);
            if (t.compareTo(newest) > 0) {
                newest = t;
            }
        }
        return newest;
    }
}
