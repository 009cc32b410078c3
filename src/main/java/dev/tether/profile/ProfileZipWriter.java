package dev.tether.profile;

import dev.tether.Failure;
import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an export plan as a zip: every planned file under its name (modification time kept), and the
 * manifest. The zip is written next to the target under a temporary name, forced to disk and then
 * renamed into place, never over an existing file.
 */
public final class ProfileZipWriter {
    private ProfileZipWriter() {
    }

    /**
     * @throws Failure.BadInput when {@code target} exists (nothing is written)
     */
    public static void write(ExportPlan plan, Path target, String createdBy, Instant now) throws IOException {
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new Failure.BadInput(target + " exists; tether does not overwrite it. Nothing was written",
                    "tether config export NEW-FILE.zip, or move the old one away");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                try (ZipOutputStream zip = new ZipOutputStream(java.nio.channels.Channels.newOutputStream(ch))) {
                    for (ExportPlan.File f : plan.files()) {
                        ZipEntry e = new ZipEntry(f.name());
                        e.setLastModifiedTime(Files.getLastModifiedTime(f.source(), LinkOption.NOFOLLOW_LINKS));
                        zip.putNextEntry(e);
                        try (InputStream in = Files.newInputStream(f.source(), LinkOption.NOFOLLOW_LINKS)) {
                            in.transferTo(zip);
                        }
                        zip.closeEntry();
                    }
                    ZipEntry m = new ZipEntry(ProfileItems.MANIFEST);
                    m.setLastModifiedTime(FileTime.from(now));
                    zip.putNextEntry(m);
                    ProfileManifest manifest = new ProfileManifest(1, createdBy, now.toString(),
                            plan.files().stream().filter(ExportPlan.File::executable).map(ExportPlan.File::name).toList());
                    OutputStream out = zip;
                    out.write(Json.PRETTY.writeValueAsBytes(manifest));
                    zip.closeEntry();
                    zip.finish();
                    ch.force(true);
                }
            }
            Files.move(tmp, target); // no REPLACE_EXISTING: a file that appeared meanwhile stays
            AtomicFiles.syncDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new Failure.BadInput(target + " appeared while the profile was written; nothing was overwritten", null);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
