package dev.tether.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Applies an import plan: the only code of the profile import that writes. Each file is unpacked next to
 * its place under a temporary name and checked against the digest the plan was made from (a zip changed
 * since the plan stops the import), then renamed into place without replacing; a file being replaced is
 * first moved to {@code keptDir} (the state dir's {@code kept/<UTC time>/}) under its profile name.
 *
 * <p>Not journaled yet: an import stopped midway leaves the files written so far, each whole, and every
 * replaced file in {@code keptDir}; running it again finds those the same and goes on.
 */
public final class ImportApplier {
    private ImportApplier() {
    }

    /** What was written and what was kept aside. */
    public record Applied(List<String> written, List<Path> kept) {
    }

    public static Applied apply(ImportPlan plan, Path zip, Path claudeDir, Path keptDir) throws IOException {
        plan.requireApplicable();
        Map<String, ImportPlan.Step> writes = plan.writes().stream().collect(Collectors.toMap(ImportPlan.Step::name,
                Function.identity()));
        List<String> written = new ArrayList<>();
        List<Path> kept = new ArrayList<>();
        if (writes.isEmpty()) {
            return new Applied(written, kept);
        }
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ImportPlan.Step step = writes.remove(e.getName());
                if (step == null) {
                    continue;
                }
                Path target = claudeDir.resolve(e.getName());
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling("." + target.getFileName() + ".tether-import-" + ProcessHandle.current().pid());
                try {
                    unpack(in, tmp, step.entry());
                    if (step.action() == ImportPlan.Action.REPLACE) {
                        Path aside = keptDir.resolve(e.getName());
                        Files.createDirectories(aside.getParent());
                        Files.move(target, aside); // never over something already kept
                        kept.add(aside);
                    }
                    Files.move(tmp, target); // no replace: a file that appeared since the plan stays
                } finally {
                    Files.deleteIfExists(tmp);
                }
                if (step.entry().modified() != null) {
                    Files.setLastModifiedTime(target, step.entry().modified());
                }
                if (plan.executable().contains(e.getName())) {
                    makeExecutable(target);
                }
                written.add(e.getName());
            }
        }
        if (!writes.isEmpty()) {
            throw new IOException("the zip no longer holds " + writes.keySet() + " (it changed since it was planned); the"
                    + " files listed as written were, the others not");
        }
        return new Applied(written, kept);
    }

    /** Copies the entry's bytes to {@code tmp}, forced to disk, and proves they are what the plan saw. */
    private static void unpack(InputStream in, Path tmp, ProfileArchive.Entry planned) throws IOException {
        MessageDigest sha = ProfileArchive.sha256();
        long size = 0;
        try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.SYNC)) {
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                size += n;
                if (size > planned.size()) {
                    break;
                }
                sha.update(buf, 0, n);
                out.write(buf, 0, n);
            }
        }
        if (size != planned.size() || !HexFormat.of().formatHex(sha.digest()).equals(planned.sha256())) {
            throw new IOException("'" + planned.name() + "' in the zip changed since the import was planned; it was not written");
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return; // Windows: no executable bit to set
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        if (perms.contains(PosixFilePermission.GROUP_READ)) {
            perms.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        view.setPermissions(perms);
    }
}
