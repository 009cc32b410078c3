package dev.tether.profile;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The central directory of a zip file, read byte by byte, for what {@code java.util.zip} does not show: each
 * entry's "external file attributes", where a zip made on Unix keeps the file's type and mode (a symbolic
 * link is type {@code 0120000} in the high 16 bits; a device {@code 0020000} or {@code 0060000}).
 */
final class ZipDirectory {
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int ENTRY_SIGNATURE = 0x02014b50;
    private static final int END_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    /** The made-by system "UNIX" in the high byte of "version made by": only then is the Unix mode there. */
    private static final int MADE_BY_UNIX = 3;

    record Entry(String name, EntryType type, int unixMode) {
    }

    private ZipDirectory() {
    }

    /** Every entry of the central directory, in order. */
    static List<Entry> read(SeekableByteChannel ch) throws IOException {
        long size = ch.size();
        int tail = (int) Math.min(size, END_SIZE + MAX_COMMENT);
        ByteBuffer end = readAt(ch, size - tail, tail);
        int at = -1;
        for (int i = tail - END_SIZE; i >= 0; i--) {
            if (end.getInt(i) == END_SIGNATURE) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IOException("not a zip file (no end of central directory)");
        }
        int count = Short.toUnsignedInt(end.getShort(at + 10));
        long dirSize = Integer.toUnsignedLong(end.getInt(at + 12));
        long dirOffset = Integer.toUnsignedLong(end.getInt(at + 16));
        if (count == 0xFFFF || dirSize == 0xFFFFFFFFL || dirOffset == 0xFFFFFFFFL) {
            throw new IOException("a ZIP64 archive; a config profile is far smaller");
        }
        if (dirOffset + dirSize > size) {
            throw new IOException("the central directory lies outside the file");
        }
        ByteBuffer dir = readAt(ch, dirOffset, (int) dirSize);
        List<Entry> out = new ArrayList<>(count);
        int p = 0;
        for (int i = 0; i < count; i++) {
            if (p + 46 > dir.limit() || dir.getInt(p) != ENTRY_SIGNATURE) {
                throw new IOException("a broken central directory entry");
            }
            int madeBy = Short.toUnsignedInt(dir.getShort(p + 4)) >>> 8;
            int nameLength = Short.toUnsignedInt(dir.getShort(p + 28));
            int extraLength = Short.toUnsignedInt(dir.getShort(p + 30));
            int commentLength = Short.toUnsignedInt(dir.getShort(p + 32));
            long external = Integer.toUnsignedLong(dir.getInt(p + 38));
            if (p + 46 + nameLength > dir.limit()) {
                throw new IOException("a broken central directory entry");
            }
            byte[] name = new byte[nameLength];
            dir.get(p + 46, name);
            String n = new String(name, StandardCharsets.UTF_8);
            int mode = madeBy == MADE_BY_UNIX ? (int) (external >>> 16) : 0;
            out.add(new Entry(n, type(n, mode, external), mode));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return out;
    }

    /** The entry's type: from the Unix mode where there is one, else a trailing / or the DOS directory bit. */
    static EntryType type(String name, int unixMode, long external) {
        int kind = unixMode & 0170000;
        if (kind != 0) {
            return switch (kind) {
                case 0100000 -> EntryType.FILE;
                case 0040000 -> EntryType.DIRECTORY;
                case 0120000 -> EntryType.LINK;
                default -> EntryType.SPECIAL; // character or block device, fifo, socket
            };
        }
        return name.endsWith("/") || (external & 0x10) != 0 ? EntryType.DIRECTORY : EntryType.FILE;
    }

    private static ByteBuffer readAt(SeekableByteChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(position);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                throw new EOFException("the zip file ends early");
            }
        }
        return buf.flip();
    }
}
