package dev.tether.apply;

import dev.tether.Throwables;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the per-file work of one tree (copy, fsync, compare, hash, delete) on a few threads, while the
 * caller walks the tree. Many small files are bound by fsync latency, which a file system amortises over
 * concurrent callers (ext4 commits the fsyncs of several threads in one journal commit); large ones by
 * reading and comparing, which then uses every core.
 *
 * <p>Small files go in batches of up to {@link #BATCH_FILES} files or {@link #BATCH_BYTES} bytes, run
 * one after the other by one thread: handing every file of 200,000 to another thread cost a context
 * switch each, more than copying a small file. Bounded: at most {@link #THREADS} batches run and as
 * many wait, so a walk never queues all its files. The first failure stops new work, and
 * {@link #awaitAll} and {@link #close} return only when no task runs any more: nothing writes into a
 * copy after its caller has moved on (a rollback deleting the copy never races a worker still
 * writing into it). {@link #submit} is called by one thread, the one walking the tree.
 */
public final class FilePool implements AutoCloseable {
    /** Enough concurrent fsyncs to share journal commits; reading and comparing is limited by the cores anyway. */
    static final int THREADS = 16;
    static final int BATCH_FILES = 32;
    static final long BATCH_BYTES = 1 << 20;

    /** One file's work. */
    public interface Task {
        void run() throws IOException;
    }

    private final ExecutorService executor;
    private final int threads;
    private final Semaphore slots;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private List<Task> batch = new ArrayList<>();
    private long batchBytes;

    public FilePool() {
        this(THREADS);
    }

    /** A pool of {@code threads} threads: fewer for work bound by the CPU (compressing) than by fsync latency. */
    public FilePool(int threads) {
        this.threads = threads;
        this.slots = new Semaphore(threads * 2);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "tether-file-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true); // threads start as work arrives: a tree of three files starts three
        this.executor = pool;
    }

    /**
     * Queues {@code task}, whose file holds {@code bytes} bytes (0 for work that reads none), into the
     * current batch; a full batch goes to a thread, waiting while the queue is full. Throws the first
     * failure of an earlier task instead.
     */
    public void submit(long bytes, Task task) throws IOException {
        rethrowFailure();
        batch.add(task);
        batchBytes += bytes;
        if (batch.size() >= BATCH_FILES || batchBytes >= BATCH_BYTES) {
            flush();
        }
    }

    private void flush() throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        List<Task> tasks = batch;
        batch = new ArrayList<>();
        batchBytes = 0;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while queueing file work");
        }
        executor.execute(() -> {
            try {
                for (Task task : tasks) {
                    if (failure.get() != null || stopped) {
                        break;
                    }
                    task.run();
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                slots.release();
            }
        });
    }

    /** Waits for every queued task; then throws the first failure, if any. */
    public void awaitAll() throws IOException {
        if (failure.get() == null) {
            flush();
        }
        waitUntilIdle();
        rethrowFailure();
    }

    private void waitUntilIdle() throws InterruptedIOException {
        try {
            slots.acquire(threads * 2);
            slots.release(threads * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for file work");
        }
    }

    private void rethrowFailure() throws IOException {
        Throwable t = failure.get();
        if (t != null) {
            throw Throwables.asIOException(t);
        }
    }

    /** Drops the tasks still queued and waits until none runs (also after a failure of the caller's walk). */
    @Override
    public void close() throws IOException {
        stopped = true;
        try {
            waitUntilIdle();
        } finally {
            executor.shutdown();
        }
    }
}
