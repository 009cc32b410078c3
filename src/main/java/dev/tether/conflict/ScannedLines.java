package dev.tether.conflict;

import dev.tether.Throwables;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One input's lines with their {@link LineStamp}s, read and scanned on a thread of its own a few batches
 * ahead of the merge: scanning every line is most of a merge's work, and with it off the merging thread
 * the inputs use the cores side by side. Memory stays bounded: at most {@link #QUEUED} batches of at most
 * {@link #BATCH_LINES} lines or {@link #BATCH_BYTES} bytes wait (one longer line is a batch of its own).
 * The lines come out in file order, exactly as {@link LineReader} reads them.
 */
final class ScannedLines implements Closeable {
    static final int BATCH_LINES = 512;
    static final int BATCH_BYTES = 128 << 10;
    static final int QUEUED = 2;

    /** A line without its end, and its stamp; {@code stamp} is null for a blank line. */
    record Line(byte[] bytes, LineStamp stamp) {
        boolean blank() {
            return stamp == null;
        }
    }

    /** What the reading thread hands over: lines, then the end, or a failure. */
    private record Batch(List<Line> lines, boolean end, Throwable failure) {
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Thread reader;
    private volatile boolean closed;
    private List<Line> current = List.of();
    private int next;
    private boolean ended;

    ScannedLines(Path file) {
        this.reader = new Thread(() -> read(file), "tether-scan-" + THREADS.incrementAndGet());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    private void read(Path file) {
        try (LineReader lines = new LineReader(file)) {
            List<Line> batch = new ArrayList<>();
            long bytes = 0;
            for (byte[] line; (line = lines.next()) != null && !closed; ) {
                batch.add(new Line(line, LineReader.isBlank(line) ? null : LineStamp.of(line)));
                bytes += line.length;
                if (batch.size() >= BATCH_LINES || bytes >= BATCH_BYTES) {
                    hand(new Batch(batch, false, null));
                    batch = new ArrayList<>();
                    bytes = 0;
                }
            }
            hand(new Batch(batch, true, null));
        } catch (Throwable t) {
            try {
                hand(new Batch(List.of(), true, t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for room, giving up once the reader of these lines has closed them. */
    private void hand(Batch batch) throws InterruptedException {
        while (!closed && !queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
            // full: the merge is behind
        }
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        while (next == current.size()) {
            if (ended) {
                return null;
            }
            Batch b;
            try {
                b = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading lines");
            }
            if (b.failure() != null) {
                throw Throwables.asIOException(b.failure());
            }
            current = b.lines();
            next = 0;
            ended = b.end();
        }
        return current.get(next++);
    }

    /** Stops the reading thread and waits for it: the file is closed when this returns. */
    @Override
    public void close() throws IOException {
        closed = true;
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while closing " + reader.getName());
        }
    }
}
