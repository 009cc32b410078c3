package dev.tether.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * macOS's {@code struct stat} read from the bytes {@code lstat} wrote. Java cannot see {@code st_flags},
 * and {@code SF_DATALESS} in it is how a File Provider (iCloud, everything under ~/Library/CloudStorage)
 * marks a file or folder whose data is not on this Mac; reading one downloads it, or blocks, or fails.
 *
 * <p>Why bytes and not a JNA {@code Structure}: the layout is fixed and small, a byte array needs no
 * reflection metadata in the native image, and the offsets are computed here from the C declaration
 * and unit-tested. Why {@code lstat} and not {@code getattrlist(ATTR_CMN_FLAGS)}: one call that any macOS
 * has, with the layout below; the only trap is its name (see {@link #lstatSymbol}).
 *
 * <p>The layout is the 64-bit-inode one, the only one on arm64 and the default on x86_64 since 10.6; both
 * are LP64 and little-endian, so one table serves both.
 */
final class MacStat {
    /** {@code SF_DATALESS} from sys/stat.h: the file's data lives with the File Provider, not on disk. */
    static final int SF_DATALESS = 0x40000000;

    /** A C field: its name, size and alignment in bytes. */
    record Field(String name, int size, int align) {
    }

    /** {@code struct stat} as sys/stat.h declares it with {@code __DARWIN_64_BIT_INO_T}. */
    static final List<Field> FIELDS = List.of(
            new Field("st_dev", 4, 4), // dev_t: int32
            new Field("st_mode", 2, 2), // mode_t: uint16
            new Field("st_nlink", 2, 2), // nlink_t: uint16
            new Field("st_ino", 8, 8), // __darwin_ino64_t
            new Field("st_uid", 4, 4),
            new Field("st_gid", 4, 4),
            new Field("st_rdev", 4, 4),
            new Field("st_atimespec", 16, 8), // struct timespec { long tv_sec; long tv_nsec; }
            new Field("st_mtimespec", 16, 8),
            new Field("st_ctimespec", 16, 8),
            new Field("st_birthtimespec", 16, 8),
            new Field("st_size", 8, 8), // off_t
            new Field("st_blocks", 8, 8), // blkcnt_t
            new Field("st_blksize", 4, 4), // blksize_t: int32
            new Field("st_flags", 4, 4), // __uint32_t
            new Field("st_gen", 4, 4),
            new Field("st_lspare", 4, 4),
            new Field("st_qspare", 16, 8)); // __int64_t[2]

    static final int ST_MODE = offsetOf("st_mode");
    static final int ST_FLAGS = offsetOf("st_flags");
    static final int SIZE = size();

    private MacStat() {
    }

    /** The byte offset of a field, with C's natural alignment. */
    static int offsetOf(String name) {
        int offset = 0;
        for (Field f : FIELDS) {
            offset = align(offset, f.align());
            if (f.name().equals(name)) {
                return offset;
            }
            offset += f.size();
        }
        throw new IllegalArgumentException("struct stat has no field " + name);
    }

    private static int size() {
        int offset = 0;
        int maxAlign = 1;
        for (Field f : FIELDS) {
            offset = align(offset, f.align()) + f.size();
            maxAlign = Math.max(maxAlign, f.align());
        }
        return align(offset, maxAlign);
    }

    private static int align(int offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    static int flags(byte[] stat) {
        return ByteBuffer.wrap(stat).order(ByteOrder.LITTLE_ENDIAN).getInt(ST_FLAGS);
    }

    static int mode(byte[] stat) {
        return Short.toUnsignedInt(ByteBuffer.wrap(stat).order(ByteOrder.LITTLE_ENDIAN).getShort(ST_MODE));
    }

    /**
     * The C symbol to call: on x86_64 plain {@code lstat} is the old 32-bit-inode call with another layout
     * (the header renames the call to {@code lstat$INODE64}); arm64 has only the 64-bit one, named {@code lstat}.
     */
    static String lstatSymbol(String osArch) {
        return osArch.equals("aarch64") || osArch.equals("arm64") ? "lstat" : "lstat$INODE64";
    }
}
