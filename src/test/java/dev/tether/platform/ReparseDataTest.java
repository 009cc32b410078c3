package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The REPARSE_DATA_BUFFER bytes, against arrays written out by hand from Microsoft's layout. */
class ReparseDataTest {

    /** A junction to C:\x, byte by byte. */
    private static final byte[] JUNCTION_TO_C_X = bytes(
            0x03, 0x00, 0x00, 0xA0, // ReparseTag IO_REPARSE_TAG_MOUNT_POINT 0xA0000003, little-endian
            0x24, 0x00, // ReparseDataLength 36 = 8 + 16 (substitute) + 2 (NUL) + 8 (print) + 2 (NUL)
            0x00, 0x00, // Reserved
            0x00, 0x00, // SubstituteNameOffset 0
            0x10, 0x00, // SubstituteNameLength 16: "\??\C:\x" is 8 UTF-16 units
            0x12, 0x00, // PrintNameOffset 18: after the substitute name and its NUL
            0x08, 0x00, // PrintNameLength 8: "C:\x" is 4 units
            '\\', 0, '?', 0, '?', 0, '\\', 0, 'C', 0, ':', 0, '\\', 0, 'x', 0, // \??\C:\x
            0, 0, // NUL
            'C', 0, ':', 0, '\\', 0, 'x', 0, // C:\x
            0, 0); // NUL

    @Test
    void junctionToADriveFolderIsEncodedByteForByte() {
        assertArrayEquals(JUNCTION_TO_C_X, ReparseData.mountPoint("\\??\\C:\\x", "C:\\x"));
        assertEquals(44, JUNCTION_TO_C_X.length);
    }

    @Test
    void junctionBytesDecodeToBothNames() {
        ReparseData.Point p = ReparseData.decode(JUNCTION_TO_C_X, JUNCTION_TO_C_X.length);
        assertTrue(p.isMountPoint());
        assertEquals("\\??\\C:\\x", p.substituteName());
        assertEquals("C:\\x", p.printName());
        assertFalse(p.relative());
    }

    @Test
    void decodingReadsOnlyTheReturnedBytesOfALargerOutputBuffer() {
        byte[] out = new byte[ReparseData.MAX_SIZE];
        System.arraycopy(JUNCTION_TO_C_X, 0, out, 0, JUNCTION_TO_C_X.length);
        out[JUNCTION_TO_C_X.length] = 0x55; // garbage after the returned bytes
        assertEquals("C:\\x", ReparseData.decode(out, JUNCTION_TO_C_X.length).printName());
    }

    @Test
    void theLengthFieldCountsEverythingAfterTheHeaderForALongUnicodeTarget() {
        String print = "C:\\Users\\Zoë\\Proton Drive\\.claude-session-backup\\projects";
        byte[] b = ReparseData.mountPoint("\\??\\" + print, print);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int sub = (4 + print.length()) * 2;
        assertEquals(8 + sub + 2 + print.length() * 2 + 2, Short.toUnsignedInt(bb.getShort(4)));
        assertEquals(b.length - 8, Short.toUnsignedInt(bb.getShort(4)));
        assertEquals(sub + 2, bb.getShort(12));
        assertEquals(print, ReparseData.decode(b, b.length).printName());
    }

    @Test
    void aSymlinkBufferHasFlagsBeforeItsPathBuffer() {
        // IO_REPARSE_TAG_SYMLINK, print name first (as mklink writes it), relative flag set
        byte[] sub = "..\\t".getBytes(StandardCharsets.UTF_16LE);
        byte[] b = ByteBuffer.allocate(20 + 2 * sub.length).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0xA000000C).putShort((short) (12 + 2 * sub.length)).putShort((short) 0)
                .putShort((short) sub.length).putShort((short) sub.length) // substitute after the print name
                .putShort((short) 0).putShort((short) sub.length)
                .putInt(1) // SYMLINK_FLAG_RELATIVE
                .put(sub).put(sub).array();
        ReparseData.Point p = ReparseData.decode(b, b.length);
        assertTrue(p.isSymlink());
        assertEquals("..\\t", p.substituteName());
        assertEquals("..\\t", p.printName());
        assertTrue(p.relative());
    }

    @Test
    void aCloudFilesPlaceholderIsAReparsePointWithoutNames() {
        byte[] b = bytes(0x1A, 0x00, 0x00, 0x90, 0x04, 0x00, 0x00, 0x00, 1, 2, 3, 4); // IO_REPARSE_TAG_CLOUD_A 0x9000101A-like
        ReparseData.Point p = ReparseData.decode(b, b.length);
        assertFalse(p.isMountPoint());
        assertFalse(p.isSymlink());
        assertNull(p.substituteName());
    }

    @Test
    void malformedBuffersAreRejectedNotReadPastTheirEnd() {
        assertThrows(IllegalArgumentException.class, () -> ReparseData.decode(new byte[4], 4));
        byte[] lying = JUNCTION_TO_C_X.clone();
        lying[4] = 0x7F; // ReparseDataLength larger than what was returned
        assertThrows(IllegalArgumentException.class, () -> ReparseData.decode(lying, lying.length));
        byte[] outside = JUNCTION_TO_C_X.clone();
        outside[14] = 0x40; // PrintNameLength past the end
        assertThrows(IllegalArgumentException.class, () -> ReparseData.decode(outside, outside.length));
        byte[] odd = JUNCTION_TO_C_X.clone();
        odd[10] = 0x0F; // an odd byte length cannot be UTF-16
        assertThrows(IllegalArgumentException.class, () -> ReparseData.decode(odd, odd.length));
    }

    @Test
    void aTargetTooLongForTheSixteenBitLengthsIsRefused() {
        String print = "C:\\" + "a".repeat(8200);
        assertThrows(IllegalArgumentException.class, () -> ReparseData.mountPoint("\\??\\" + print, print));
    }

    @Test
    void theDeleteRequestIsTheBareHeader() {
        assertArrayEquals(bytes(0x03, 0x00, 0x00, 0xA0, 0, 0, 0, 0), ReparseData.deleteRequest(ReparseData.TAG_MOUNT_POINT));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
