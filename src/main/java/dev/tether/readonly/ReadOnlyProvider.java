package dev.tether.readonly;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import dev.tether.platform.MappedDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/** The provider of one {@link ReadOnlyFileSystem}: reads go to the underlying provider, writes throw. */
final class ReadOnlyProvider extends FileSystemProvider {
    private static final Set<OpenOption> READS = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

    private final ReadOnlyFileSystem fs;

    ReadOnlyProvider(ReadOnlyFileSystem fs) {
        this.fs = fs;
    }

    private static Path raw(Path p) {
        return ReadOnlyPath.unwrap(p);
    }

    /** Opening is a read only with no option beyond READ (and NOFOLLOW_LINKS); anything else could write. */
    private static void requireReadOnly(Set<? extends OpenOption> options) {
        for (OpenOption o : options) {
            if (!READS.contains(o) && !(o instanceof LinkOption)) {
                throw new ReadOnlyFileSystemException();
            }
        }
    }

    @Override
    public String getScheme() {
        return "tether-read-only";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        return fs.wrap(fs.delegate().provider().getPath(uri));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        requireReadOnly(options);
        return Files.newByteChannel(raw(path), options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        requireReadOnly(options);
        return FileChannel.open(raw(path), options, attrs);
    }

    @Override
    public AsynchronousFileChannel newAsynchronousFileChannel(Path path, Set<? extends OpenOption> options,
            ExecutorService executor, FileAttribute<?>... attrs) throws IOException {
        requireReadOnly(options);
        return AsynchronousFileChannel.open(raw(path), options, executor, attrs);
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        requireReadOnly(Set.of(options));
        return Files.newInputStream(raw(path), options);
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        return new MappedDirectoryStream<>(Files.newDirectoryStream(raw(dir), p -> filter.accept(fs.wrap(p))), fs::wrap);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void createLink(Path link, Path existing) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void delete(Path path) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public boolean deleteIfExists(Path path) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fs.wrap(Files.readSymbolicLink(raw(link)));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return Files.isSameFile(raw(path), raw(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return Files.isHidden(raw(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return Files.getFileStore(raw(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        Path p = raw(path);
        p.getFileSystem().provider().checkAccess(p, modes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        V view = Files.getFileAttributeView(raw(path), type, options);
        if (view == null) {
            return null;
        }
        if (view instanceof PosixFileAttributeView posix && type.isAssignableFrom(ReadablePosixView.class)) {
            return (V) new ReadablePosixView(posix);
        }
        if (type == BasicFileAttributeView.class) {
            return (V) new ReadableBasicView((BasicFileAttributeView) view);
        }
        // a view that could write and has no read-only stand-in here
        throw new ReadOnlyFileSystemException();
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        return Files.readAttributes(raw(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return Files.readAttributes(raw(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new ReadOnlyFileSystemException();
    }

    /** Reads basic attributes, refuses to set times. */
    private record ReadableBasicView(BasicFileAttributeView view) implements BasicFileAttributeView {
        @Override
        public String name() {
            return view.name();
        }

        @Override
        public BasicFileAttributes readAttributes() throws IOException {
            return view.readAttributes();
        }

        @Override
        public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
            throw new ReadOnlyFileSystemException();
        }
    }

    /** Reads POSIX attributes, refuses to set times, modes, owners and groups. */
    private record ReadablePosixView(PosixFileAttributeView view) implements PosixFileAttributeView {
        @Override
        public String name() {
            return view.name();
        }

        @Override
        public PosixFileAttributes readAttributes() throws IOException {
            return view.readAttributes();
        }

        @Override
        public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) {
            throw new ReadOnlyFileSystemException();
        }

        @Override
        public void setPermissions(Set<PosixFilePermission> perms) {
            throw new ReadOnlyFileSystemException();
        }

        @Override
        public UserPrincipal getOwner() throws IOException {
            return view.getOwner();
        }

        @Override
        public void setOwner(UserPrincipal owner) {
            throw new ReadOnlyFileSystemException();
        }

        @Override
        public void setGroup(GroupPrincipal group) {
            throw new ReadOnlyFileSystemException();
        }
    }
}
