package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code struct linux_dirent64} records, built by hand, parsed as {@code getdents64} leaves them. */
class Dirent64Test {

    @Test
    void recordsWrittenByteByByteGiveTheirNamesAndTypes() {
        byte[] bytes = {
            // "." : d_ino 2, d_off 1, d_reclen 24, DT_DIR, ".\0", 3 bytes of padding
            2, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 24, 0, 4, '.', 0, 0, 0, 0,
            // ".." : d_reclen 24, DT_DIR
            1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 24, 0, 4, '.', '.', 0, 0, 0,
            // "a.jsonl" : d_ino 0x0102, d_reclen 32, DT_REG, 7 bytes of name, NUL, 5 bytes of padding
            2, 1, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 32, 0, 8, 'a', '.', 'j', 's', 'o', 'n', 'l', 0, 0, 0, 0, 0, 0,
            // "é" (C3 A9) : d_reclen 24, DT_LNK
            9, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 24, 0, 10, (byte) 0xC3, (byte) 0xA9, 0, 0, 0,
            // "x" : d_reclen 24, DT_UNKNOWN; the padding holds stale bytes, which do not count
            7, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 24, 0, 0, 'x', 0, 'y', 'z', 'q',
        };
        List<Dirent64.Raw> out = parse(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), bytes.length);
        assertEquals(3, out.size());
        assertEntry(out.get(0), "a.jsonl", DirEntry.Type.FILE);
        assertArrayEquals(new byte[] {(byte) 0xC3, (byte) 0xA9}, out.get(1).name());
        assertEquals(DirEntry.Type.SYMLINK, out.get(1).type());
        assertEntry(out.get(2), "x", DirEntry.Type.UNKNOWN);
    }

    @Test
    void d_reclenIsReadInTheBuffersByteOrder() {
        byte[] bytes = {
            0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 24, 4, 'd', 'i', 'r', 0, 0,
        };
        List<Dirent64.Raw> out = parse(ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN), bytes.length);
        assertEquals(1, out.size());
        assertEntry(out.get(0), "dir", DirEntry.Type.DIRECTORY);
    }

    @Test
    void everyTypeValue() {
        assertEquals(DirEntry.Type.UNKNOWN, Dirent64.type(0));
        assertEquals(DirEntry.Type.OTHER, Dirent64.type(1)); // DT_FIFO
        assertEquals(DirEntry.Type.OTHER, Dirent64.type(2)); // DT_CHR
        assertEquals(DirEntry.Type.DIRECTORY, Dirent64.type(4));
        assertEquals(DirEntry.Type.OTHER, Dirent64.type(6)); // DT_BLK
        assertEquals(DirEntry.Type.FILE, Dirent64.type(8));
        assertEquals(DirEntry.Type.SYMLINK, Dirent64.type(10));
        assertEquals(DirEntry.Type.OTHER, Dirent64.type(12)); // DT_SOCK
        assertEquals(DirEntry.Type.OTHER, Dirent64.type(14)); // DT_WHT
        assertEquals(DirEntry.Type.OTHER, Dirent64.type(255));
    }

    @Test
    void namesThatStartWithDotsAreEntriesLikeAnyOther() {
        byte[] bytes = records(new Rec(".claude", 4), new Rec("..x", 8), new Rec("...", 8), new Rec(".", 4), new Rec("..", 4));
        List<Dirent64.Raw> out = parse(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()), bytes.length);
        assertEquals(List.of(".claude", "..x", "..."), names(out));
    }

    @Test
    void onlyTheFirstLengthBytesAreRead() {
        byte[] two = records(new Rec("first", 8), new Rec("second", 8));
        int firstLength = records(new Rec("first", 8)).length;
        List<Dirent64.Raw> out = parse(ByteBuffer.wrap(two).order(ByteOrder.nativeOrder()), firstLength);
        assertEquals(List.of("first"), names(out));
    }

    @Test
    void aLongNameAndManyRecordsFollowOneAnother() {
        String longName = "n".repeat(255);
        List<Rec> recs = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            recs.add(new Rec("f" + i, 8));
            expected.add("f" + i);
        }
        recs.add(new Rec(longName, 8));
        expected.add(longName);
        recs.add(new Rec("Zoë – ファイル.jsonl", 8));
        expected.add("Zoë – ファイル.jsonl");
        byte[] bytes = records(recs.toArray(new Rec[0]));
        assertEquals(expected, names(parse(ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()), bytes.length)));
    }

    @Test
    void aRecordThatDoesNotFitIsAnErrorNotAGuess() {
        byte[] one = records(new Rec("name", 8));
        ByteBuffer buf = ByteBuffer.wrap(one).order(ByteOrder.nativeOrder());
        assertThrows(IllegalArgumentException.class, () -> parse(buf, one.length - 1)); // d_reclen beyond the data
        assertThrows(IllegalArgumentException.class, () -> parse(buf, 10)); // not even a header

        ByteBuffer zero = ByteBuffer.wrap(one.clone()).order(ByteOrder.nativeOrder());
        zero.putShort(16, (short) 0); // d_reclen 0 would loop forever
        assertThrows(IllegalArgumentException.class, () -> parse(zero, one.length));

        ByteBuffer noNul = ByteBuffer.wrap(one.clone()).order(ByteOrder.nativeOrder());
        for (int i = 19; i < one.length; i++) {
            noNul.put(i, (byte) 'z');
        }
        assertThrows(IllegalArgumentException.class, () -> parse(noNul, one.length));

        ByteBuffer empty = ByteBuffer.wrap(one.clone()).order(ByteOrder.nativeOrder());
        empty.put(19, (byte) 0);
        assertThrows(IllegalArgumentException.class, () -> parse(empty, one.length));
    }

    @Test
    void anEmptyBufferHasNoEntries() {
        assertEquals(List.of(), parse(ByteBuffer.allocate(0), 0));
    }

    private record Rec(String name, int type) {
    }

    /** Records as the kernel lays them out: 19 bytes of header, the name, a NUL, padding to 8 bytes. */
    private static byte[] records(Rec... recs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long ino = 100;
        for (Rec r : recs) {
            byte[] name = r.name().getBytes(StandardCharsets.UTF_8);
            int reclen = (19 + name.length + 1 + 7) & ~7;
            ByteBuffer b = ByteBuffer.allocate(reclen).order(ByteOrder.nativeOrder());
            b.putLong(ino++).putLong(ino).putShort((short) reclen).put((byte) r.type()).put(name);
            out.write(b.array(), 0, reclen);
        }
        return out.toByteArray();
    }

    private static List<Dirent64.Raw> parse(ByteBuffer buf, int length) {
        List<Dirent64.Raw> out = new ArrayList<>();
        Dirent64.parse(buf, length, out);
        return out;
    }

    private static List<String> names(List<Dirent64.Raw> raw) {
        return raw.stream().map(r -> new String(r.name(), StandardCharsets.UTF_8)).toList();
    }

    private static void assertEntry(Dirent64.Raw raw, String name, DirEntry.Type type) {
        assertEquals(name, new String(raw.name(), StandardCharsets.UTF_8));
        assertEquals(type, raw.type());
    }
}
