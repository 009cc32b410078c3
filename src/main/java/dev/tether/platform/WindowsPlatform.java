package dev.tether.platform;

import dev.tether.layout.Kind;
import dev.tether.layout.Os;
import dev.tether.platform.LinkKindDecision.SymlinkRights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Windows: {@code MoveFileExW} without {@code MOVEFILE_REPLACE_EXISTING} for renames that never replace;
 * a symbolic link where this account may make one, else a junction for a directory and a clear refusal
 * for a file; placeholders from the file attributes. No atomic exchange exists, so the callers' two-rename
 * path applies (the item is missing for the moment between them).
 */
final class WindowsPlatform implements Platform {
    private volatile SymlinkRights rights;

    @Override
    public Os os() {
        return Os.WINDOWS;
    }

    @Override
    public void renameNoReplace(Path from, Path to) throws IOException {
        WindowsNative.moveNoReplace(WindowsLinks.win32(from), WindowsLinks.win32(to));
    }

    @Override
    public boolean canExchange() {
        return false;
    }

    @Override
    public void exchange(Path a, Path b) throws IOException {
        throw new IOException("Windows has no atomic exchange of two paths; nothing was changed");
    }

    @Override
    public void createLink(Path link, Path target) throws IOException {
        createLink(link, target, Files.isDirectory(target));
    }

    @Override
    public LinkKind createLink(Path link, Path target, boolean directory) throws IOException {
        LinkKind kind = LinkKindDecision.kindOrThrow(linkKindFor(directory ? Kind.DIR : Kind.FILE, target));
        if (kind == LinkKind.JUNCTION) {
            WindowsLinks.createJunction(link, target);
        } else {
            WindowsLinks.createSymlink(link, target, directory, symlinkRights());
        }
        return kind;
    }

    @Override
    public LinkKindDecision.Outcome linkKindFor(Kind kind, Path target) {
        return LinkKindDecision.decide(kind, symlinkRights(),
                WindowsPaths.junctionProblem(target.toAbsolutePath().normalize().toString()));
    }

    @Override
    public void removeLink(Path link) throws IOException {
        Optional<Link> found = readLink(link);
        if (found.isEmpty()) {
            throw new NotLinkException(link.toString(), null, "not a link; tether removes only links");
        }
        if (found.get().kind() == LinkKind.JUNCTION) {
            WindowsLinks.removeJunction(link);
        } else {
            Files.delete(link); // Java removes a directory symlink with RemoveDirectoryW, a file one with DeleteFileW
        }
    }

    @Override
    public boolean isPlaceholder(Path path) throws IOException {
        return Placeholders.windows(WindowsNative.attributes(WindowsLinks.win32(path)));
    }

    @Override
    public boolean sameDevice(Path a, Path b) throws IOException {
        return Files.getFileStore(a).equals(Files.getFileStore(b));
    }

    @Override
    public boolean isTerminal(int fd) {
        return System.console() != null;
    }

    /** Probed once per process, in the temp folder. */
    SymlinkRights symlinkRights() {
        SymlinkRights r = rights;
        if (r == null) {
            r = WindowsLinks.probeRights(Path.of(System.getProperty("java.io.tmpdir")));
            rights = r;
        }
        return r;
    }
}
