package dev.tether.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a Windows REPARSE_DATA_BUFFER, built and read by hand: jna-platform's
 * {@code Ntifs.MountPointReparseBuffer} writes a wrong length, and a junction made from wrong bytes
 * points nowhere. Pure functions, so the layout is tested on any OS.
 *
 * <pre>
 * offset  size  field (all little-endian)
 *  0      4     ReparseTag            0xA0000003 mount point (junction), 0xA000000C symlink
 *  4      2     ReparseDataLength     bytes after this 8-byte header
 *  6      2     Reserved              0
 *  8      2     SubstituteNameOffset  } byte offsets and lengths inside PathBuffer,
 * 10      2     SubstituteNameLength  } lengths without the terminating NUL
 * 12      2     PrintNameOffset       }
 * 14      2     PrintNameLength       }
 * 16      4     Flags                 symlinks only (1 = relative); a mount point has no such field
 * 16|20   ...   PathBuffer            UTF-16LE
 * </pre>
 */
final class ReparseData {
    static final int TAG_MOUNT_POINT = 0xA0000003;
    static final int TAG_SYMLINK = 0xA000000C;
    static final int HEADER = 8;
    /** MAXIMUM_REPARSE_DATA_BUFFER_SIZE: the output buffer FSCTL_GET_REPARSE_POINT needs at most. */
    static final int MAX_SIZE = 16 * 1024;
    private static final int SYMLINK_FLAG_RELATIVE = 1;

    private ReparseData() {
    }

    /** A decoded reparse point; the names are null for tags that carry no path (cloud files, dedup...). */
    record Point(int tag, String substituteName, String printName, boolean relative) {
        boolean isMountPoint() {
            return tag == TAG_MOUNT_POINT;
        }

        boolean isSymlink() {
            return tag == TAG_SYMLINK;
        }
    }

    /**
     * The input of FSCTL_SET_REPARSE_POINT for a junction: the substitute name ({@code \??\C:\target}),
     * then its NUL, then the print name ({@code C:\target}), then its NUL.
     */
    static byte[] mountPoint(String substituteName, String printName) {
        byte[] sub = substituteName.getBytes(StandardCharsets.UTF_16LE);
        byte[] print = printName.getBytes(StandardCharsets.UTF_16LE);
        int dataLength = 8 + sub.length + 2 + print.length + 2;
        if (HEADER + dataLength > MAX_SIZE) {
            throw new IllegalArgumentException("the junction target is too long for a reparse point (" + substituteName.length()
                    + " characters)");
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + dataLength).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(TAG_MOUNT_POINT);
        b.putShort((short) dataLength);
        b.putShort((short) 0);
        b.putShort((short) 0);
        b.putShort((short) sub.length);
        b.putShort((short) (sub.length + 2));
        b.putShort((short) print.length);
        b.put(sub).putShort((short) 0);
        b.put(print).putShort((short) 0);
        return b.array();
    }

    /** The input of FSCTL_DELETE_REPARSE_POINT for a Microsoft tag: the header alone, with a data length of 0. */
    static byte[] deleteRequest(int tag) {
        return ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).putInt(tag).array();
    }

    /**
     * Reads the output of FSCTL_GET_REPARSE_POINT ({@code length} valid bytes of {@code buf}).
     *
     * @throws IllegalArgumentException when the bytes do not hold a well-formed buffer
     */
    static Point decode(byte[] buf, int length) {
        if (length < HEADER || length > buf.length) {
            throw new IllegalArgumentException("a reparse buffer of " + length + " bytes is shorter than its header");
        }
        ByteBuffer b = ByteBuffer.wrap(buf, 0, length).order(ByteOrder.LITTLE_ENDIAN);
        int tag = b.getInt(0);
        int dataLength = Short.toUnsignedInt(b.getShort(4));
        if (HEADER + dataLength > length) {
            throw new IllegalArgumentException("the reparse buffer says " + dataLength + " data bytes but holds "
                    + (length - HEADER));
        }
        if (tag != TAG_MOUNT_POINT && tag != TAG_SYMLINK) {
            return new Point(tag, null, null, false);
        }
        int pathBuffer = tag == TAG_SYMLINK ? 20 : 16;
        if (HEADER + dataLength < pathBuffer) {
            throw new IllegalArgumentException("the reparse buffer is too short for its name fields");
        }
        int end = HEADER + dataLength;
        String sub = name(b, pathBuffer, end, b.getShort(8), b.getShort(10));
        String print = name(b, pathBuffer, end, b.getShort(12), b.getShort(14));
        boolean relative = tag == TAG_SYMLINK && (b.getInt(16) & SYMLINK_FLAG_RELATIVE) != 0;
        return new Point(tag, sub, print, relative);
    }

    private static String name(ByteBuffer b, int pathBuffer, int end, short offsetField, short lengthField) {
        int offset = Short.toUnsignedInt(offsetField);
        int len = Short.toUnsignedInt(lengthField);
        if (offset % 2 != 0 || len % 2 != 0 || pathBuffer + offset + len > end) {
            throw new IllegalArgumentException("a name in the reparse buffer lies outside it (offset " + offset + ", length "
                    + len + ")");
        }
        return new String(b.array(), pathBuffer + offset, len, StandardCharsets.UTF_16LE);
    }
}
