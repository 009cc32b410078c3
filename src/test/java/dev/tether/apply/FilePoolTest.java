package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The per-file work of a tree on several threads: every task runs, the first failure wins, nothing runs after. */
class FilePoolTest {
    @Test
    void everyTaskRunsBeforeAwaitAllReturns() throws IOException {
        AtomicInteger done = new AtomicInteger();
        try (FilePool pool = new FilePool()) {
            for (int i = 0; i < 10_000; i++) {
                pool.submit(0, done::incrementAndGet);
            }
            pool.awaitAll();
            assertEquals(10_000, done.get());
        }
    }

    @Test
    void theFirstFailureIsThrownAndStopsTheTasksStillQueued() throws IOException {
        IOException boom = new IOException("disk is full");
        AtomicInteger ranAfter = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        try (FilePool pool = new FilePool()) {
            pool.submit(FilePool.BATCH_BYTES, () -> {
                failed.countDown();
                throw boom;
            });
            await(failed);
            IOException thrown = null;
            for (int i = 0; i < 1000 && thrown == null; i++) {
                try {
                    pool.submit(0, ranAfter::incrementAndGet);
                } catch (IOException e) {
                    thrown = e; // submit reports the failure as soon as it is known
                }
            }
            IOException fromAwait = assertThrows(IOException.class, pool::awaitAll);
            assertSame(boom, fromAwait);
            assertTrue(thrown == null || thrown == boom);
        }
        assertTrue(ranAfter.get() < 1000, "tasks queued after the failure kept running: " + ranAfter.get());
    }

    @Test
    void closeWaitsForTheRunningTasksAndDropsTheQueuedOnes() throws IOException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        FilePool pool = new FilePool();
        for (int i = 0; i < FilePool.THREADS * 2; i++) {
            pool.submit(FilePool.BATCH_BYTES, () -> { // one task a batch
                running.incrementAndGet();
                started.countDown();
                sleep(50);
                ran.incrementAndGet();
                running.decrementAndGet();
            });
        }
        await(started);
        pool.close(); // as after a failed walk: what already runs finishes, what waits is dropped
        assertEquals(0, running.get());
        int after = ran.get();
        sleep(100);
        assertEquals(after, ran.get());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
