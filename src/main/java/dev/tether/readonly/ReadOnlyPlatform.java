package dev.tether.readonly;

import dev.tether.layout.Kind;
import dev.tether.layout.Os;
import dev.tether.platform.DirEntry;
import dev.tether.platform.LinkKind;
import dev.tether.platform.LinkKindDecision;
import dev.tether.platform.MappedDirectoryStream;
import dev.tether.platform.Platform;
import dev.tether.platform.RegistryReader;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Optional;

/**
 * A platform that answers every question of the one under it and refuses its writes (renames, exchanges,
 * links) with {@link ReadOnlyFileSystemException}: the native half of the read-only view, beside
 * {@link ReadOnlyFileSystem}.
 */
public final class ReadOnlyPlatform implements Platform {
    private final Platform delegate;
    private final ReadOnlyFileSystem fs;

    private ReadOnlyPlatform(Platform delegate, ReadOnlyFileSystem fs) {
        this.delegate = delegate;
        this.fs = fs;
    }

    /** {@code platform} seen read-only; {@code fs} is the read-only view its listings' paths belong to. */
    public static Platform of(Platform platform, java.nio.file.FileSystem fs) {
        if (platform instanceof ReadOnlyPlatform) {
            return platform;
        }
        if (!(fs instanceof ReadOnlyFileSystem view)) {
            throw new IllegalArgumentException("a read-only platform needs the read-only view of the file system");
        }
        return new ReadOnlyPlatform(platform, view);
    }

    @Override
    public Os os() {
        return delegate.os();
    }

    @Override
    public void renameNoReplace(Path from, Path to) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public boolean canExchange() {
        return delegate.canExchange();
    }

    @Override
    public void exchange(Path a, Path b) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createLink(Path link, Path target) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public LinkKind createLink(Path link, Path target, boolean directory) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void removeLink(Path link) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public Optional<Link> readLink(Path path) throws IOException {
        Optional<Link> link = delegate.readLink(ReadOnlyPath.unwrap(path));
        return link.map(l -> new Link(l.kind(), fs.wrap(l.target())));
    }

    @Override
    public LinkKindDecision.Outcome linkKindFor(Kind kind, Path target) {
        return delegate.linkKindFor(kind, ReadOnlyPath.unwrap(target));
    }

    @Override
    public boolean isPlaceholder(Path path) throws IOException {
        return delegate.isPlaceholder(ReadOnlyPath.unwrap(path));
    }

    @Override
    public String filesystemType(Path path) throws IOException {
        return delegate.filesystemType(ReadOnlyPath.unwrap(path));
    }

    /** The platform's own listing (getdents64 on Linux), its entries' paths wrapped again. */
    @Override
    public DirectoryStream<DirEntry> listDirectory(Path dir) throws IOException {
        return new MappedDirectoryStream<>(delegate.listDirectory(ReadOnlyPath.unwrap(dir)),
                e -> new DirEntry(fs.wrap(e.path()), e.type()));
    }

    @Override
    public boolean sameDevice(Path a, Path b) throws IOException {
        return delegate.sameDevice(ReadOnlyPath.unwrap(a), ReadOnlyPath.unwrap(b));
    }

    @Override
    public boolean isTerminal(int fd) {
        return delegate.isTerminal(fd);
    }

    @Override
    public RegistryReader registry() {
        return delegate.registry();
    }
}
