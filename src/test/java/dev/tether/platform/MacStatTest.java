package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** macOS {@code struct stat} (64-bit inode): offsets computed from the declaration, decoding from bytes. */
class MacStatTest {

    @Test
    void theLayoutMatchesTheHeaderOnArm64AndX8664() {
        assertEquals(0, MacStat.offsetOf("st_dev"));
        assertEquals(4, MacStat.offsetOf("st_mode"));
        assertEquals(6, MacStat.offsetOf("st_nlink"));
        assertEquals(8, MacStat.offsetOf("st_ino"));
        assertEquals(24, MacStat.offsetOf("st_rdev"));
        assertEquals(32, MacStat.offsetOf("st_atimespec")); // 4 bytes of padding after st_rdev
        assertEquals(96, MacStat.offsetOf("st_size"));
        assertEquals(112, MacStat.offsetOf("st_blksize"));
        assertEquals(116, MacStat.ST_FLAGS);
        assertEquals(120, MacStat.offsetOf("st_gen"));
        assertEquals(128, MacStat.offsetOf("st_qspare"));
        assertEquals(144, MacStat.SIZE); // sizeof(struct stat)
        assertThrows(IllegalArgumentException.class, () -> MacStat.offsetOf("st_nope"));
    }

    @Test
    void aDatalessFileIsReadFromStFlags() {
        byte[] stat = statBytes(0100644, 0x40000000 | 0x8000 /* UF_HIDDEN as well */);
        assertEquals(0100644, MacStat.mode(stat));
        assertEquals(0x40008000, MacStat.flags(stat));
        assertTrue(Placeholders.mac(MacStat.flags(stat)));
    }

    @Test
    void aDownloadedFileIsNotAPlaceholderWhateverItsOtherFlags() {
        byte[] stat = statBytes(040755, 0x00000001 /* UF_NODUMP */ | 0x00020000 /* SF_ARCHIVED */);
        assertFalse(Placeholders.mac(MacStat.flags(stat)));
    }

    @Test
    void theFlagsAreNotConfusedWithTheNeighbouringFields() {
        ByteBuffer b = ByteBuffer.allocate(MacStat.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(112, -1); // st_blksize all ones
        b.putInt(120, -1); // st_gen all ones
        assertEquals(0, MacStat.flags(b.array()));
    }

    @Test
    void x8664CallsTheSixtyFourBitInodeSymbol() {
        assertEquals("lstat$INODE64", MacStat.lstatSymbol("x86_64"));
        assertEquals("lstat", MacStat.lstatSymbol("aarch64"));
    }

    private static byte[] statBytes(int mode, int flags) {
        ByteBuffer b = ByteBuffer.allocate(MacStat.SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x01000004); // st_dev
        b.putShort(4, (short) mode);
        b.putShort(6, (short) 1);
        b.putLong(8, 12345678901L); // st_ino
        b.putLong(96, 4096); // st_size
        b.putInt(116, flags);
        return b.array();
    }
}
