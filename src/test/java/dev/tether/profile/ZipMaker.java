package dev.tether.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-made zips for the import's refusals: entries with any name, and central directory entries patched
 * to say what {@code java.util.zip} cannot write (a symbolic link, a device) or to disagree with the local
 * entries.
 */
final class ZipMaker {
    private final Map<String, String> entries = new LinkedHashMap<>();
    private byte[] bytes;

    ZipMaker add(String name, String content) {
        entries.put(name, content);
        return this;
    }

    ZipMaker build() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        bytes = out.toByteArray();
        return this;
    }

    /** Marks {@code name}'s central entry as made on Unix with {@code mode} (e.g. 0120777, a symbolic link). */
    ZipMaker unixMode(String name, int mode) {
        int at = central(name);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(at + 4, (short) ((3 << 8) | 20));
        b.putInt(at + 38, mode << 16);
        return this;
    }

    /** Renames {@code name} in the central directory only (same length), so the two lists of the zip disagree. */
    ZipMaker renameInCentral(String name, String other) {
        int at = central(name);
        byte[] n = other.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, bytes, at + 46, n.length);
        return this;
    }

    Path write(Path file) throws IOException {
        if (bytes == null) {
            build();
        }
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private int central(String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 + n.length <= bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50 && Short.toUnsignedInt(b.getShort(i + 28)) == n.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + n.length, n, 0, n.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no central entry " + name);
    }
}
