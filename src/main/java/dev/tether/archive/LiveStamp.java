package dev.tether.archive;

import dev.tether.state.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * Which live transcripts the index of sessions last had marked live ({@code .tether-archive/sessions.live}):
 * a digest of that set and the identity of the {@code sessions.json} it was written beside. A backup with
 * nothing new compares the digest of what is live now and the index file's identity with it, and only on a
 * difference reads the index (1.2 MB of JSON for 20,000 sessions, a good part of such a backup's time) to
 * mark sessions live or archived-only. Anyone else who rewrites the index (a hook's backup, a reindex, an
 * older tether) gives it another identity (it is replaced by a rename), so the stamp no longer matches.
 * Lost or stale, it only costs that read.
 */
final class LiveStamp {
    private LiveStamp() {
    }

    /** A digest of a set of paths that does not depend on its order: the count and two sums of mixed 64-bit hashes. */
    static String digest(Collection<String> rels) {
        long sum = 0;
        long xor = 0;
        for (String rel : rels) {
            long h = 0xcbf29ce484222325L; // FNV-1a over the chars, then two different finalisers
            for (int i = 0; i < rel.length(); i++) {
                h = (h ^ rel.charAt(i)) * 0x100000001b3L;
            }
            sum += mix(h);
            xor ^= mix(h ^ 0x9e3779b97f4a7c15L);
        }
        return rels.size() + "-" + Long.toHexString(sum) + "-" + Long.toHexString(xor);
    }

    /** Whether the index was last marked for the live set with this digest and has not been written since. */
    static boolean matches(ArchiveLayout layout, String digest) {
        try {
            String stamp = new String(Files.readAllBytes(layout.liveStamp()), StandardCharsets.UTF_8).strip();
            return stamp.equals(digest + " " + identity(layout));
        } catch (IOException e) {
            return false;
        }
    }

    /** Records that the index, as it is on disk now, has its sessions marked for the live set with this digest. */
    static void save(ArchiveLayout layout, String digest) throws IOException {
        AtomicFiles.write(layout.liveStamp(), (digest + " " + identity(layout) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The index file's identity, size and modification time; "none" when there is no index yet. */
    private static String identity(ArchiveLayout layout) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(layout.index(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.fileKey() + "/" + a.size() + "/" + a.lastModifiedTime().toInstant();
        } catch (NoSuchFileException e) {
            return "none";
        }
    }

    private static long mix(long z) { // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
