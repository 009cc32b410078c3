package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FsTypesTest {

    @Test
    void theMagicsUsersMeetHaveTheirMountNames() {
        assertEquals("ext4", FsTypes.name(0xEF53));
        assertEquals("tmpfs", FsTypes.name(0x01021994));
        assertEquals("btrfs", FsTypes.name(0x9123683EL));
        assertEquals("xfs", FsTypes.name(0x58465342));
        assertEquals("nfs", FsTypes.name(0x6969));
        assertEquals("fuse", FsTypes.name(0x65735546));
        assertEquals("overlay", FsTypes.name(0x794C7630));
        assertEquals("zfs", FsTypes.name(0x2FC12FC1));
        assertEquals("cifs", FsTypes.name(0xFF534D42L));
        assertEquals("9p", FsTypes.name(0x01021997));
    }

    @Test
    void anUnknownMagicIsShownInHex() {
        assertEquals("unknown (0x12345678)", FsTypes.name(0x12345678));
    }

    @Test
    void aSignExtendedMagicFromA32BitLongIsTheSameType() {
        assertEquals("cifs", FsTypes.name(0xFFFFFFFFFF534D42L));
    }

    @Test
    void fTypeIsTheFirstWordOfStatfsInMachineOrder() {
        byte[] le64 = ByteBuffer.allocate(120).order(ByteOrder.LITTLE_ENDIAN).putLong(0x01021994L).array();
        assertEquals(0x01021994L, FsTypes.fType(le64, 8, ByteOrder.LITTLE_ENDIAN));
        byte[] be64 = ByteBuffer.allocate(120).order(ByteOrder.BIG_ENDIAN).putLong(0xEF53L).array();
        assertEquals(0xEF53L, FsTypes.fType(be64, 8, ByteOrder.BIG_ENDIAN));
        byte[] le32 = ByteBuffer.allocate(84).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFF534D42).putInt(7).array();
        assertEquals(0xFF534D42L, FsTypes.fType(le32, 4, ByteOrder.LITTLE_ENDIAN));
    }
}
