package dev.tether.platform;

import dev.tether.layout.Kind;
import dev.tether.layout.Os;
import dev.tether.platform.LinkKindDecision.SymlinkRights;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A platform for Jimfs tests of any OS: the link decision of the real platform (Windows rights are the
 * test's choice), a volume per drive letter, placeholders the test marks. Links are Jimfs symlinks,
 * standing in for junctions too.
 */
public final class JimfsPlatform implements Platform {
    private final Os os;
    private final SymlinkRights rights;
    private final Set<Path> placeholders = new HashSet<>();
    /** The device answer the test chose; null: one volume per root. */
    private Boolean sameDevice;

    private JimfsPlatform(Os os, SymlinkRights rights) {
        this.os = os;
        this.rights = rights;
    }

    public static JimfsPlatform windows(SymlinkRights rights) {
        return new JimfsPlatform(Os.WINDOWS, rights);
    }

    public static JimfsPlatform mac() {
        return new JimfsPlatform(Os.MACOS, SymlinkRights.ANY_USER);
    }

    public static JimfsPlatform linux() {
        return new JimfsPlatform(Os.LINUX, SymlinkRights.ANY_USER);
    }

    /** A platform of {@code os} on which anyone may make symbolic links. */
    public static JimfsPlatform of(Os os) {
        return new JimfsPlatform(os, SymlinkRights.ANY_USER);
    }

    /** Answers {@link #sameDevice} with {@code same} for any two paths. */
    public JimfsPlatform withSameDevice(boolean same) {
        this.sameDevice = same;
        return this;
    }

    /** Marks {@code path} as an online-only placeholder. */
    public JimfsPlatform placeholder(Path path) {
        placeholders.add(path);
        return this;
    }

    @Override
    public Os os() {
        return os;
    }

    @Override
    public void renameNoReplace(Path from, Path to) throws IOException {
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(to.toString());
        }
        Files.move(from, to);
    }

    @Override
    public boolean canExchange() {
        return false;
    }

    @Override
    public void exchange(Path a, Path b) {
        throw new UnsupportedOperationException("no exchange on Jimfs");
    }

    @Override
    public void createLink(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
    }

    @Override
    public LinkKindDecision.Outcome linkKindFor(Kind kind, Path target) {
        if (os != Os.WINDOWS) {
            return new LinkKindDecision.Outcome.Make(LinkKind.SYMLINK);
        }
        return LinkKindDecision.decide(kind, rights, WindowsPaths.junctionProblem(target.toString()));
    }

    /** As the test chose; else one volume per root: C:\ and D:\ are different drives, / is one. */
    @Override
    public boolean sameDevice(Path a, Path b) {
        return sameDevice != null ? sameDevice : a.toAbsolutePath().getRoot().equals(b.toAbsolutePath().getRoot());
    }

    /** No registry: detection tests hand in their own. */
    @Override
    public RegistryReader registry() {
        return RegistryReader.NONE;
    }

    @Override
    public boolean isTerminal(int fd) {
        return false;
    }

    @Override
    public boolean isPlaceholder(Path path) {
        return placeholders.contains(path);
    }

    @Override
    public String filesystemType(Path path) {
        return "jimfs";
    }
}
