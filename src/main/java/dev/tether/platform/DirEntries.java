package dev.tether.platform;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The two shapes of {@link Platform#listDirectory}: Java's own listing, and a directory read ahead in full. */
final class DirEntries {
    private DirEntries() {
    }

    /** {@link Files#newDirectoryStream}, every type {@link DirEntry.Type#UNKNOWN}: the caller reads attributes as before. */
    static DirectoryStream<DirEntry> nio(Path dir) throws IOException {
        return new MappedDirectoryStream<>(Files.newDirectoryStream(dir), p -> new DirEntry(p, DirEntry.Type.UNKNOWN));
    }

    /**
     * Entries already read; {@code failure}, when the read broke off, comes after them as a
     * {@link DirectoryIteratorException}, where Java's own iterator would have thrown it.
     */
    static DirectoryStream<DirEntry> read(List<DirEntry> entries, IOException failure) {
        return new DirectoryStream<>() {
            private boolean iterated;

            @Override
            public Iterator<DirEntry> iterator() {
                if (iterated) {
                    throw new IllegalStateException("the iterator of a directory stream can be had once");
                }
                iterated = true;
                return new Iterator<>() {
                    private int next;
                    private boolean failed;

                    @Override
                    public boolean hasNext() {
                        if (next < entries.size()) {
                            return true;
                        }
                        if (failure != null && !failed) {
                            failed = true;
                            throw new DirectoryIteratorException(failure);
                        }
                        return false;
                    }

                    @Override
                    public DirEntry next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        return entries.get(next++);
                    }
                };
            }

            @Override
            public void close() {
                // nothing is open: the directory was closed when it had been read
            }
        };
    }
}
