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
 * One file's bytes: copied by the kernel, compared with its copy, fingerprinted. Buffers and digests are
 * one per thread, reused for every file: a tree of 200,000 small files allocates nothing per file.
 *
 * <p>A copy is proven by reading the original and the copy back and comparing them byte for byte, not
 * by hashing: comparing costs a fraction of SHA-256 (which the native image computes without the CPU's
 * SHA instructions), and it is the stronger proof, against the original as it is now. An original
 * changed since the copy fails the comparison, so nothing is deleted on the strength of an old copy.
 */
final class FileBytes {
    static final int BUFFER = 256 << 10;
    /** Bytes per kernel copy call: the progress line moves between them. */
    static final long COPY_CHUNK = 8 << 20;

    private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));
    private static final ThreadLocal<ByteBuffer> SECOND = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER));
    private static final ThreadLocal<MessageDigest> DIGESTS = ThreadLocal.withInitial(Manifest::sha256);

    private FileBytes() {
    }

    /**
     * Copies the first {@code size} bytes of {@code from} (its size when it was walked) into a new file
     * {@code to} (which must not exist) and forces it to disk. The kernel moves the bytes
     * ({@code copy_file_range} or {@code sendfile} where the JDK has them), so they never pass through
     * this process. A file that grew since it was walked is cut at {@code size}, which the comparison
     * after the copy then reports; one that shrank is copied to its end.
     *
     * @param progress told the number of bytes after each chunk
     * @return the number of bytes copied
     */
    static long copy(Path from, Path to, long size, LongConsumer progress) throws IOException {
        long position = 0;
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            // bounded by size: a small file costs one call, not a second one that finds the end
            for (long n; position < size && (n = in.transferTo(position, Math.min(COPY_CHUNK, size - position), out)) > 0; ) {
                position += n;
                progress.accept(n);
            }
            out.force(true);
        }
        return position;
    }

    /**
     * Whether {@code a} and {@code b}, both {@code size} bytes long when they were walked, hold the same
     * bytes, read from both now. A file longer than {@code size} now differs.
     */
    static boolean same(Path a, Path b, long size) throws IOException {
        ByteBuffer first = BUFFERS.get();
        ByteBuffer second = SECOND.get();
        try (FileChannel x = FileChannel.open(a, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
                FileChannel y = FileChannel.open(b, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            for (long left = size + 1; left > 0; ) { // one byte past the size: a file that grew is found
                int want = (int) Math.min(BUFFER, left);
                int n = fill(x, first, want);
                int m = fill(y, second, want);
                if (n != m || first.mismatch(second) >= 0) {
                    return false;
                }
                if (n < want) {
                    return true; // both ended
                }
                left -= n;
            }
            return false; // both hold more than size bytes: they changed since they were walked
        }
    }

    /** The fingerprint ({@code sha256:<hex>:<size>}) of {@code file} as it reads now. */
    static String fingerprint(Path file) throws IOException {
        ByteBuffer buf = BUFFERS.get();
        long size = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest sha = DIGESTS.get();
            sha.reset();
            for (int n; (n = fill(in, buf, BUFFER)) > 0; ) {
                sha.update(buf);
                size += n;
            }
            return Manifest.fileFingerprint(sha.digest(), size);
        }
    }

    /** Reads {@code in} into {@code buf} until it holds {@code want} bytes or the file ends, and flips it; the count read. */
    private static int fill(FileChannel in, ByteBuffer buf, int want) throws IOException {
        buf.clear().limit(want);
        while (buf.hasRemaining() && in.read(buf) >= 0) {
            // a read may return fewer bytes than asked before the end (a FUSE file system, a pipe-like file)
        }
        buf.flip();
        return buf.limit();
    }
}
