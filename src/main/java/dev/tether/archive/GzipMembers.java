package dev.tether.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip files made of members: each backup appends one member to the end, and {@code zcat} (or the JDK's
 * {@link GZIPInputStream}) reads them all as one stream. A member is forced to the disk before anything
 * records it, and a member cut short by a crash is cut off again by truncating to the recorded size.
 */
final class GzipMembers {
    private static final int BUFFER = 1 << 16;

    private GzipMembers() {
    }

    /** Something that writes the uncompressed bytes of one member. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Appends one member holding what {@code content} writes to {@code archive} (made when missing) and forces
     * it to the disk. Returns the archive's size after it.
     */
    static long append(Path archive, Content content) throws IOException {
        Files.createDirectories(archive.getParent());
        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            OutputStream raw = Channels.newOutputStream(ch);
            Member gz = new Member(new NonClosing(raw));
            try {
                content.writeTo(gz);
                gz.finish();
                gz.flush();
            } finally {
                gz.release();
            }
            ch.force(true);
            return ch.size();
        }
    }

    /**
     * A member's compressor, whose zlib state (about 270 KB outside the Java heap) is freed as soon as the member
     * is written: left to the garbage collector, a first backup of 20,000 small files held tens of megabytes of
     * finished compressors at a time.
     */
    static final class Member extends GZIPOutputStream {
        /** 8 KiB for the compressed output: the input is not copied, and most members are small. */
        Member(OutputStream out) throws IOException {
            super(out, 8192);
        }

        /** Frees the compressor; nothing may be written after. */
        void release() {
            def.end();
        }
    }

    /** Reads every member of {@code archive} as one stream. */
    static InputStream open(Path archive) throws IOException {
        return new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive), BUFFER), BUFFER);
    }

    /** Cuts {@code archive} back to {@code size} bytes (a member a crash left unrecorded goes). */
    static void truncate(Path archive, long size) throws IOException {
        if (!Files.exists(archive)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            if (ch.size() > size) {
                ch.truncate(size);
                ch.force(true);
            }
        }
    }

    /** An output that a compressor may close without closing the archive's channel under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
