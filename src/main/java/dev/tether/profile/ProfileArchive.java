package dev.tether.profile;

import dev.tether.Failure;
import dev.tether.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A config profile zip as read for planning an import: every entry with its type (from the central
 * directory), its size and SHA-256 (from streaming its content, bounded), and the manifest. Writes
 * nothing. A zip whose local entries and central directory name different files, or that is larger than
 * any profile, is refused: an importer that trusts one list while another tool reads the other is how
 * zip tricks smuggle files.
 */
public record ProfileArchive(List<Entry> entries, Optional<ProfileManifest> manifest) {
    static final int MAX_ENTRIES = 10_000;
    static final long MAX_BYTES = 256L << 20;
    private static final int MAX_MANIFEST = 1 << 20;

    /** One entry: its name as written in the zip, its type, and for a file its size, digest and time. */
    public record Entry(String name, EntryType type, long size, String sha256, FileTime modified) {
    }

    public ProfileArchive {
        entries = List.copyOf(entries);
    }

    /** Reads {@code zip}; {@link Failure.BadInput} when it is not a profile tether can read. */
    public static ProfileArchive read(Path zip) throws IOException {
        try {
            return readOrThrow(zip);
        } catch (ZipException | java.io.EOFException e) {
            throw unreadable(zip, e.getMessage());
        }
    }

    private static ProfileArchive readOrThrow(Path zip) throws IOException {
        List<ZipDirectory.Entry> central;
        try (SeekableByteChannel ch = Files.newByteChannel(zip, StandardOpenOption.READ)) {
            central = ZipDirectory.read(ch);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Failure.BadInput(zip + " does not exist", "tether config import FILE.zip (a file tether config export wrote)");
        } catch (IOException e) {
            throw unreadable(zip, e.getMessage());
        }
        if (central.size() > MAX_ENTRIES) {
            throw unreadable(zip, central.size() + " entries, more than any config profile has");
        }
        Map<String, List<EntryType>> types = new TreeMap<>();
        for (ZipDirectory.Entry c : central) {
            types.computeIfAbsent(c.name(), k -> new ArrayList<>()).add(c.type());
        }
        List<Entry> entries = new ArrayList<>();
        Optional<ProfileManifest> manifest = Optional.empty();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                List<EntryType> listed = types.get(e.getName());
                if (listed == null || listed.isEmpty()) {
                    throw unreadable(zip, "its entry '" + e.getName() + "' is not in its central directory");
                }
                EntryType type = listed.remove(0);
                if (e.getName().equals(ProfileItems.MANIFEST) && type == EntryType.FILE) {
                    manifest = Optional.of(Json.COMPACT.readValue(in.readNBytes(MAX_MANIFEST), ProfileManifest.class));
                    continue;
                }
                Digest d = digest(in, MAX_BYTES - total);
                if (d == null) {
                    throw unreadable(zip, "it unpacks to more than " + (MAX_BYTES >> 20) + " MiB, more than any config profile");
                }
                total += d.size;
                entries.add(new Entry(e.getName(), type, d.size, d.sha256, e.getLastModifiedTime()));
            }
        }
        for (Map.Entry<String, List<EntryType>> left : types.entrySet()) {
            if (!left.getValue().isEmpty()) {
                throw unreadable(zip, "its central directory names '" + left.getKey() + "', which its entries do not hold");
            }
        }
        return new ProfileArchive(entries, manifest);
    }

    record Digest(long size, String sha256) {
    }

    /** Size and SHA-256 of what {@code in} yields, or null past {@code limit} bytes. */
    static Digest digest(InputStream in, long limit) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            size += n;
            if (size > limit) {
                return null;
            }
            sha.update(buf, 0, n);
        }
        return new Digest(size, HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Failure.BadInput unreadable(Path zip, String why) {
        return new Failure.BadInput(zip + " is not a config profile tether can import: " + why + ". Nothing was written",
                "tether config import FILE.zip (a file tether config export wrote)");
    }
}
