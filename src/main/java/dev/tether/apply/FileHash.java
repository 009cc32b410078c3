package dev.tether.apply;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * Streams one file through SHA-256, and optionally into its copy, with one buffer and one digest per
 * thread, reused for every file: a tree of 200,000 small files allocates nothing per file (a fresh
 * 1 MiB array per file cost more than the file's bytes). The bytes hashed are exactly the bytes
 * written, from the same buffer.
 */
final class FileHash {
    static final int BUFFER = 256 << 10;

    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Manifest::sha256);

    private FileHash() {
    }

    /**
     * Copies {@code from} into a new file {@code to} (which must not exist) and forces it to disk.
     *
     * @param progress told the number of bytes after each chunk
     * @return the fingerprint of the bytes read (and written)
     */
    static String copy(Path from, Path to, LongConsumer progress) throws IOException {
        ByteBuffer buf = BUFFERS.get();
        long size = 0;
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            MessageDigest sha = digest();
            for (int n; (n = read(in, buf)) > 0; ) {
                sha.update(buf);
                buf.rewind();
                while (buf.hasRemaining()) {
                    out.write(buf);
                }
                size += n;
                progress.accept(n);
            }
            out.force(true);
            return Manifest.fileFingerprint(sha.digest(), size);
        }
    }

    /** The fingerprint of {@code file} as it reads now (for a copy: read back from the disk). */
    static String of(Path file) throws IOException {
        ByteBuffer buf = BUFFERS.get();
        long size = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest sha = digest();
            for (int n; (n = read(in, buf)) > 0; ) {
                sha.update(buf);
                size += n;
            }
            return Manifest.fileFingerprint(sha.digest(), size);
        }
    }

    private static MessageDigest digest() {
        MessageDigest digest = DIGESTS.get();
        digest.reset();
        return digest;
    }

    /** Fills {@code buf} from {@code in} (up to its capacity) and flips it; the count read, or -1 at the end. */
    private static int read(FileChannel in, ByteBuffer buf) throws IOException {
        buf.clear();
        int n = in.read(buf);
        buf.flip();
        return n;
    }
}
