package dev.tether.verify;

import dev.tether.layout.Os;
import dev.tether.platform.Links;
import dev.tether.platform.MissingNativeCallException;
import dev.tether.platform.Platform;
import dev.tether.state.State;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code placeholder} (warn): synced files that are online-only placeholders (macOS dataless, Windows
 * recall-on-access or offline). Claude Code reading one waits for a download, or fails offline. Looks
 * at metadata only, and never lists a dataless folder, because listing one downloads it.
 */
final class PlaceholderCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        Platform platform = v.ctx().platform();
        if (v.state().isEmpty() || platform.os() == Os.LINUX) {
            return List.of(); // Linux sync clients have no placeholder flag to read
        }
        Path synced = v.syncedFolder().orElseThrow();
        String hint = platform.os() == Os.MACOS
                ? "in Finder, right-click " + synced + " and choose Keep Downloaded"
                : "in File Explorer, right-click " + synced + " and choose Always keep on this device";
        List<Finding> out = new ArrayList<>();
        for (State.LinkedItem rec : v.state().get().items()) {
            Path target = v.ctx().fs().getPath(rec.target());
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue; // link.dangling reports it
            }
            List<Path> found = placeholders(platform, target);
            if (!found.isEmpty()) {
                out.add(Finding.warn("placeholder", rec.name(), target.toString(), found.size()
                        + " file(s) are online-only placeholders (first: " + found.get(0) + "); reading them waits for a"
                        + " download and fails offline", hint));
            }
        }
        if (out.isEmpty()) {
            out.add(Finding.ok("placeholder", null, synced.toString(), "every synced file is on this machine"));
        }
        return out;
    }

    /** The placeholders under {@code root}; a placeholder folder counts once and is not listed. */
    static List<Path> placeholders(Platform platform, Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (Links.isLink(dir, attrs)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (isPlaceholder(platform, dir)) {
                        found.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // not isRegularFile(): Java on Windows sees a cloud placeholder as "other"
                    if (!attrs.isSymbolicLink() && isPlaceholder(platform, file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return found;
    }

    /** A file gone meanwhile is simply not a placeholder; a missing native call stops the check with its sentence. */
    private static boolean isPlaceholder(Platform platform, Path p) {
        try {
            return platform.isPlaceholder(p);
        } catch (MissingNativeCallException e) {
            throw new UncheckedIOException(e);
        } catch (IOException e) {
            return false;
        }
    }
}
