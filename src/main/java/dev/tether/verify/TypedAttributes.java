package dev.tether.verify;

import dev.tether.platform.DirEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The attributes of an entry whose type its directory read already gave: the type questions are answered
 * from it, and only the rest (size, times, file key), which the walk's visitors seldom ask, costs an
 * {@code lstat}, on first use. The walk hands one entry's attributes to one thread at a time.
 */
final class TypedAttributes implements BasicFileAttributes {
    private final Path path;
    private final DirEntry.Type type;
    private BasicFileAttributes read;

    /** {@code type} is known: never {@link DirEntry.Type#UNKNOWN}. */
    TypedAttributes(Path path, DirEntry.Type type) {
        if (type == DirEntry.Type.UNKNOWN) {
            throw new IllegalArgumentException("an unknown type must be read from the file system");
        }
        this.path = path;
        this.type = type;
    }

    @Override
    public boolean isDirectory() {
        return type == DirEntry.Type.DIRECTORY;
    }

    @Override
    public boolean isRegularFile() {
        return type == DirEntry.Type.FILE;
    }

    @Override
    public boolean isSymbolicLink() {
        return type == DirEntry.Type.SYMLINK;
    }

    @Override
    public boolean isOther() {
        return type == DirEntry.Type.OTHER;
    }

    @Override
    public FileTime lastModifiedTime() {
        return read().lastModifiedTime();
    }

    @Override
    public FileTime lastAccessTime() {
        return read().lastAccessTime();
    }

    @Override
    public FileTime creationTime() {
        return read().creationTime();
    }

    @Override
    public long size() {
        return read().size();
    }

    @Override
    public Object fileKey() {
        return read().fileKey();
    }

    /** The entry's own attributes (links not followed); an entry gone since its folder was read is an UncheckedIOException. */
    private synchronized BasicFileAttributes read() {
        if (read == null) {
            try {
                read = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return read;
    }
}
