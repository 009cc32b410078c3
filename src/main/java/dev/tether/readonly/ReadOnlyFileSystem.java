package dev.tether.readonly;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A view of another file system that reads like it and refuses every write with
 * {@link java.nio.file.ReadOnlyFileSystemException}: creating, deleting, moving, copying, opening for
 * writing, linking and setting attributes. Dry runs and {@code verify} see the disk through it, so a
 * code path that would write there fails loudly instead of changing anything (chezmoi gets the same
 * honesty from its read-only {@code System}). Paths made from it are its own, so whatever a command
 * derives from them (siblings, children, link targets) stays read-only too.
 */
public final class ReadOnlyFileSystem extends FileSystem {
    private final FileSystem delegate;
    private final ReadOnlyProvider provider;

    private ReadOnlyFileSystem(FileSystem delegate) {
        this.delegate = delegate;
        this.provider = new ReadOnlyProvider(this);
    }

    /** {@code fs} seen read-only; a view already read-only is returned as it is. */
    public static FileSystem of(FileSystem fs) {
        return fs instanceof ReadOnlyFileSystem ? fs : new ReadOnlyFileSystem(fs);
    }

    FileSystem delegate() {
        return delegate;
    }

    /** The read-only path for a path of the underlying file system. */
    ReadOnlyPath wrap(Path path) {
        return path instanceof ReadOnlyPath r ? r : new ReadOnlyPath(this, path);
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("a read-only view does not close the file system under it");
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return delegate.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        delegate.getRootDirectories().forEach(r -> roots.add(wrap(r)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return delegate.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return delegate.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(delegate.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = delegate.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(ReadOnlyPath.unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return delegate.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        throw new UnsupportedOperationException("no watching through a read-only view");
    }
}
