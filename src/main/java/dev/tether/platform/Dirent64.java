package dev.tether.platform;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The records {@code getdents64(2)} fills its buffer with, {@code struct linux_dirent64}: {@code u64 d_ino},
 * {@code s64 d_off}, {@code u16 d_reclen} (the record's length, padding included), {@code u8 d_type}, then
 * the name, NUL-terminated. Pure, so the layout is tested byte by byte without a kernel.
 */
final class Dirent64 {
    static final int DT_UNKNOWN = 0;
    static final int DT_DIR = 4;
    static final int DT_REG = 8;
    static final int DT_LNK = 10;

    private static final int RECLEN_AT = 16;
    private static final int TYPE_AT = 18;
    private static final int NAME_AT = 19;

    private Dirent64() {
    }

    /** One record: the name's bytes as the kernel gave them (no NUL), and the type. */
    record Raw(byte[] name, DirEntry.Type type) {
    }

    static DirEntry.Type type(int dType) {
        return switch (dType) {
            case DT_UNKNOWN -> DirEntry.Type.UNKNOWN;
            case DT_DIR -> DirEntry.Type.DIRECTORY;
            case DT_REG -> DirEntry.Type.FILE;
            case DT_LNK -> DirEntry.Type.SYMLINK;
            default -> DirEntry.Type.OTHER; // FIFO, socket, character or block device, whiteout
        };
    }

    /**
     * Appends the records in {@code buf}'s first {@code length} bytes (read in {@code buf}'s byte order, which
     * must be the machine's) to {@code out}, leaving out {@code .} and {@code ..} as Java's listing does.
     *
     * @throws IllegalArgumentException for a record that does not fit the buffer or has no NUL: reading on
     *     could miss or invent entries, so the caller reads the directory another way
     */
    static void parse(ByteBuffer buf, int length, List<Raw> out) {
        int at = 0;
        while (at < length) {
            if (length - at <= NAME_AT) {
                throw malformed(at, "shorter than a record's header");
            }
            int reclen = Short.toUnsignedInt(buf.getShort(at + RECLEN_AT));
            if (reclen <= NAME_AT || reclen > length - at) {
                throw malformed(at, "d_reclen " + reclen);
            }
            int end = at + NAME_AT;
            while (end < at + reclen && buf.get(end) != 0) {
                end++;
            }
            int nameLength = end - (at + NAME_AT);
            if (end == at + reclen || nameLength == 0) {
                throw malformed(at, nameLength == 0 ? "an empty name" : "no NUL after the name");
            }
            if (!isDotOrDotDot(buf, at + NAME_AT, nameLength)) {
                byte[] name = new byte[nameLength];
                buf.get(at + NAME_AT, name);
                out.add(new Raw(name, type(Byte.toUnsignedInt(buf.get(at + TYPE_AT)))));
            }
            at += reclen;
        }
    }

    private static boolean isDotOrDotDot(ByteBuffer buf, int name, int length) {
        return buf.get(name) == '.' && (length == 1 || length == 2 && buf.get(name + 1) == '.');
    }

    private static IllegalArgumentException malformed(int at, String what) {
        return new IllegalArgumentException("getdents64 record at offset " + at + ": " + what);
    }
}
