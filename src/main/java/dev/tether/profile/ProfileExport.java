package dev.tether.profile;

import dev.tether.secrets.SecretFinding;
import dev.tether.secrets.SecretScanner;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plans {@code tether config export}: reads the profile's names in the Claude data dir and says what goes
 * into the zip, what stays out, and which token-like strings the files hold. Reads only.
 *
 * <p>A profile name that is itself a link (a {@code CLAUDE.md} kept in a dotfiles repository) is exported
 * with its target's content, because the user named it; links found inside a folder are never followed
 * and are listed as left out, so a link cannot pull in a file from elsewhere on the machine.
 */
public final class ProfileExport {
    private ProfileExport() {
    }

    public static ExportPlan plan(Path claudeDir, boolean includeLocal) throws IOException {
        List<ExportPlan.File> files = new ArrayList<>();
        List<ExportPlan.Skipped> skipped = new ArrayList<>();
        List<String> tops = new ArrayList<>(ProfileItems.NAMES);
        if (includeLocal) {
            tops.add(ProfileItems.LOCAL_SETTINGS);
        }
        for (String top : tops) {
            Path p = claudeDir.resolve(top);
            if (!Files.exists(p)) {
                continue; // what exists is exported; a dangling link is nothing to export
            }
            Path real = Files.isSymbolicLink(p) ? p.toRealPath() : p;
            BasicFileAttributes a = Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile()) {
                files.add(new ExportPlan.File(top, real, executable(real)));
            } else if (a.isDirectory()) {
                walk(top, real, files, skipped);
            } else {
                skipped.add(new ExportPlan.Skipped(top, "not a regular file or folder"));
            }
        }
        files.sort(Comparator.comparing(ExportPlan.File::name));
        skipped.sort(Comparator.comparing(ExportPlan.Skipped::name));
        return new ExportPlan(files, skipped, scan(claudeDir, files));
    }

    private static void walk(String top, Path root, List<ExportPlan.File> files, List<ExportPlan.Skipped> skipped)
            throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = name(top, root, dir);
                String credential = ProfileItems.credentialIn(List.of(name.split("/")));
                if (credential != null) {
                    skipped.add(new ExportPlan.Skipped(name + "/", credential));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = name(top, root, file);
                String credential = ProfileItems.credentialIn(List.of(name.split("/")));
                if (credential != null) {
                    skipped.add(new ExportPlan.Skipped(name, credential));
                } else if (attrs.isSymbolicLink() || attrs.isOther() && !attrs.isRegularFile()) {
                    skipped.add(new ExportPlan.Skipped(name, attrs.isSymbolicLink()
                            ? "a link; links inside the profile are not followed" : "not a regular file"));
                } else if (file.getFileName().toString().contains("\\")) {
                    skipped.add(new ExportPlan.Skipped(name, "a backslash in the name would be a folder on Windows"));
                } else {
                    files.add(new ExportPlan.File(name, file, executable(file)));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                throw e; // an unreadable file would be missing from the profile without a word
            }
        });
    }

    /** The zip name of {@code p} under the profile name {@code top}: names joined by {@code /} on every OS. */
    private static String name(String top, Path root, Path p) {
        StringBuilder sb = new StringBuilder(top);
        for (Path part : root.relativize(p)) {
            if (!part.toString().isEmpty()) {
                sb.append('/').append(part);
            }
        }
        return sb.toString();
    }

    private static boolean executable(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        return posix != null && posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    }

    /** The token-like strings in the files to export, named by their zip names. */
    private static List<SecretFinding> scan(Path claudeDir, List<ExportPlan.File> files) throws IOException {
        SecretScanner scanner = new SecretScanner();
        List<SecretFinding> out = new ArrayList<>();
        for (ExportPlan.File f : files) {
            for (SecretFinding s : scanner.scan(f.source()).findings()) {
                out.add(new SecretFinding(claudeDir.getFileSystem().getPath(f.name()), s.line(), s.kind(), s.masked()));
            }
        }
        return out;
    }
}
