package dev.tether.state;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

/** One tether at a time per machine: an exclusive lock on {@code <state-dir>/lock}, released by the OS on exit. */
public final class Lock implements AutoCloseable {
    private static final String FILE = "lock";

    private final Path stateDir;
    private FileChannel channel;
    private FileLock lock;

    private Lock(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** Takes the lock now, creating the state dir when needed. */
    public static Lock acquire(Path stateDir) throws IOException {
        Lock lock = new Lock(stateDir);
        lock.take();
        return lock;
    }

    /**
     * Takes the lock now when the state dir exists; on a machine where it does not exist yet, waits for
     * {@link #hold}, so that a run which changes nothing (a dry run, a refusal) leaves no trace either.
     */
    public static Lock acquireBeforeFirstWrite(Path stateDir) throws IOException {
        Lock lock = new Lock(stateDir);
        if (Files.isDirectory(stateDir)) {
            lock.take();
        }
        return lock;
    }

    /**
     * Makes sure the lock is held; callers call it before their first write. When it is taken only now,
     * the state dir did not exist when the run planned, so anything in it besides the lock was written by
     * another run in the meantime and the plan may be stale: that is refused.
     */
    public void hold() throws IOException {
        if (lock != null) {
            return;
        }
        take();
        boolean othersWrote;
        try (Stream<Path> entries = Files.list(stateDir)) {
            othersWrote = entries.anyMatch(p -> !p.getFileName().toString().equals(FILE));
        }
        if (othersWrote) {
            close();
            throw new Failure.Refused("another tether run changed " + stateDir + " while this one was planning; nothing was"
                    + " changed", "run the command again");
        }
    }

    private void take() throws IOException {
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock taken;
        try {
            taken = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            taken = null;
        }
        if (taken == null) {
            ch.close();
            throw new Failure.Refused("another tether run holds the lock " + file + "; nothing was changed",
                    "wait for the other tether to finish, then run the command again");
        }
        channel = ch;
        lock = taken;
    }

    @Override
    public void close() throws IOException {
        if (lock != null) {
            lock.release();
            channel.close();
            lock = null;
            channel = null;
        }
    }
}
