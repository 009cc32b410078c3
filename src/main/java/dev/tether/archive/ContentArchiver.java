package dev.tether.archive;

import dev.tether.platform.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Archives a file that is not a transcript: its content as a new version ({@code <path>.gz}, then
 * {@code <path>.~N~.gz}), unless a version holding the same bytes is kept already. The new version is made under a
 * temporary name, forced to the disk, and renamed into place without replacing anything.
 */
final class ContentArchiver {
    private final Platform platform;
    private final String runId;

    ContentArchiver(Platform platform, String runId) {
        this.platform = platform;
        this.runId = runId;
    }

    /** Another file: a new version unless a version holding the same bytes is kept already. */
    FileArchiver.Outcome archive(BackupPlan.Content c) throws IOException, FileArchiver.Unreadable {
        LiveFile f = c.file();
        Path temp = c.next().resolveSibling("." + c.next().getFileName() + ".tether-" + runId);
        Files.createDirectories(temp.getParent());
        CRC32 crc = new CRC32();
        long[] size = new long[1];
        try (FileChannel live = LiveReads.open(f)) {
            Files.deleteIfExists(temp);
            GzipMembers.append(temp, out -> LiveReads.eachChunk(live, 0, (buf, n) -> {
                out.write(buf, 0, n);
                crc.update(buf, 0, n);
                size[0] += n;
            }));
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(temp);
            throw new FileArchiver.Unreadable(f.rel(), e.getCause());
        }
        List<Catalog.Version> versions = new ArrayList<>(c.entry() == null ? List.of() : c.entry().versions());
        Path same = null;
        for (Path kept : c.onDisk()) {
            if (GzipTrailer.matches(kept, crc.getValue(), size[0]) && GzipTrailer.sameContent(kept, temp)) {
                same = kept;
                break;
            }
        }
        long growth = 0;
        if (same != null) {
            Files.delete(temp);
        } else {
            growth = Files.size(temp);
            platform.renameNoReplace(temp, c.next());
            versions.add(new Catalog.Version(c.onDisk().size() + 1, size[0], crc.getValue()));
        }
        Catalog.Entry entry = new Catalog.Entry(f.key(), f.size(), f.mtime(), -1, -1, 0, versions);
        return new FileArchiver.Outcome(f.rel(), entry, same == null ? size[0] : 0, 0, growth, null);
    }
}
