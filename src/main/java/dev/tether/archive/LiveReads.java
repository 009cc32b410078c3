package dev.tether.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reading a live file for the archive. A failure to read it is the live file's (an {@link UncheckedIOException},
 * which the archiver reports as unreadable, leaving the rest of the backup to go on); a failure of what is done
 * with the bytes is the archive's (an {@link IOException}, which takes the run back).
 */
final class LiveReads {
    private static final int BUFFER = 1 << 16;

    private LiveReads() {
    }

    /** Receives one chunk of a live file: {@code n} bytes of {@code buf} from 0. */
    interface Chunk {
        void accept(byte[] buf, int n) throws IOException;
    }

    /**
     * Reads the live file from {@code from} to its end, chunk by chunk. A read failure is the live file's
     * (an {@link UncheckedIOException}, which the archiver reports as unreadable); what {@code chunk}
     * throws is the archive's.
     */
    static void eachChunk(FileChannel live, long from, Chunk chunk) throws IOException {
        ByteBuffer buf = SPARE.get();
        SPARE.set(null); // a chunk that reads another file (none does now) gets a buffer of its own
        if (buf == null) {
            buf = ByteBuffer.allocate(BUFFER);
        }
        try {
            read(live, from, chunk, buf);
        } finally {
            SPARE.set(buf);
        }
    }

    /**
     * Each archiving thread's read buffer, used for file after file: a fresh 64 KiB per file was most of what a
     * first backup of 20,000 small files allocated, and so most of its garbage collections.
     */
    private static final ThreadLocal<ByteBuffer> SPARE = new ThreadLocal<>();

    private static void read(FileChannel live, long from, Chunk chunk, ByteBuffer buf) throws IOException {
        long at = from;
        while (true) {
            buf.clear();
            int n;
            try {
                n = live.read(buf, at);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (n < 0) {
                return;
            }
            chunk.accept(buf.array(), n);
            at += n;
        }
    }

    static FileChannel open(LiveFile f) {
        try {
            return FileChannel.open(f.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
