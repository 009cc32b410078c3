package dev.tether.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;

/**
 * Linux file-system types from {@code statfs}'s {@code f_type} magic (linux/magic.h), named as
 * {@code /proc/mounts} names them. {@code verify -v} shows them, because where the data sits explains a
 * lot: a FUSE mount may reject rename flags, tmpfs is gone after a reboot, 9p is WSL's window on a
 * Windows drive. Pure, so the table and the decoding are tested anywhere.
 */
final class FsTypes {
    private static final Map<Long, String> NAMES = Map.ofEntries(
            Map.entry(0xEF53L, "ext4"), // ext2 and ext3 share the magic; statfs cannot tell them apart
            Map.entry(0x01021994L, "tmpfs"),
            Map.entry(0x9123683EL, "btrfs"),
            Map.entry(0x58465342L, "xfs"),
            Map.entry(0x2FC12FC1L, "zfs"),
            Map.entry(0xCA451A4EL, "bcachefs"),
            Map.entry(0xF2F52010L, "f2fs"),
            Map.entry(0x794C7630L, "overlay"),
            Map.entry(0x65735546L, "fuse"),
            Map.entry(0x6969L, "nfs"),
            Map.entry(0xFF534D42L, "cifs"),
            Map.entry(0xFE534D42L, "smb3"),
            Map.entry(0x517BL, "smb"),
            Map.entry(0x00C36400L, "ceph"),
            Map.entry(0x01021997L, "9p"),
            Map.entry(0x4D44L, "vfat"),
            Map.entry(0x2011BAB0L, "exfat"),
            Map.entry(0x5346544EL, "ntfs"),
            Map.entry(0x858458F6L, "ramfs"),
            Map.entry(0x73717368L, "squashfs"),
            Map.entry(0xF15FL, "ecryptfs"),
            Map.entry(0x9660L, "iso9660"),
            Map.entry(0x9FA0L, "proc"),
            Map.entry(0x62656572L, "sysfs"));

    private FsTypes() {
    }

    /** The name for a magic number, or {@code unknown (0x...)}. */
    static String name(long magic) {
        String name = NAMES.get(magic & 0xFFFFFFFFL);
        return name != null ? name : String.format(Locale.ROOT, "unknown (0x%08X)", magic & 0xFFFFFFFFL);
    }

    /**
     * {@code f_type}, the first field of {@code struct statfs}: a {@code long} ({@code __fsword_t}), so 8
     * bytes on 64-bit Linux and 4 on 32-bit, in the machine's byte order. Only the low 32 bits are a magic.
     */
    static long fType(byte[] statfs, int longSize, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(statfs).order(order);
        long raw = longSize == 8 ? b.getLong(0) : b.getInt(0);
        return raw & 0xFFFFFFFFL;
    }
}
