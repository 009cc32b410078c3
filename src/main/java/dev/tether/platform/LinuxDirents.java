package dev.tether.platform;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists a directory with each entry's type from {@code getdents64}'s {@code d_type}, as {@code find} does:
 * Java's listing gives names only, so a walk that needs types made one {@code statx} per entry, which on a
 * tree of 200,000 files was half the time of {@code tether verify}. One call reads a buffer-full of entries.
 *
 * <p>Only for the default file system, and only when every name decodes the way Java decodes file names
 * ({@code sun.jnu.encoding}) and encodes back to the same bytes; otherwise (an invalid byte in a name, an
 * unknown machine, a C library without {@code getdents64}) the caller gets {@code null} and reads the
 * directory through Java, so no entry is ever missed.
 */
final class LinuxDirents {
    /** Per thread, reused: at 64 KiB a folder of a few hundred entries is one call, and 8 threads hold 512 KiB. */
    private static final int BUFFER = 64 * 1024;
    private static final int O_CLOEXEC = 02000000;
    private static final int ENOTDIR = 20;
    private static final int ELOOP = 40;

    /**
     * {@code open} is variadic in C; declared with fixed arguments it is called correctly on x86-64 and
     * aarch64 Linux when no mode is passed (no {@code O_CREAT}). The path is the bytes Java would pass,
     * not a String JNA would encode in its own charset. {@code ssize_t} and {@code size_t} are 64 bits:
     * {@link #usable} refuses 32-bit machines.
     */
    interface Calls extends Library {
        int open(byte[] path, int flags);

        long getdents64(int fd, ByteBuffer buf, long count);

        int close(int fd);
    }

    private static final class Holder {
        static final LoadedLibrary<Calls> CALLS = LoadedLibrary.load("c", Calls.class);
    }

    /** The charset Java decodes file names with; null when it cannot be known, and then this class is not used. */
    private static final Charset NAMES = namesCharset();
    /** {@code O_RDONLY | O_DIRECTORY | O_CLOEXEC} for this machine, or 0 when it is not one whose flags are known. */
    private static final int OPEN_FLAGS = openFlags(System.getProperty("os.arch", ""));

    private static final ThreadLocal<ByteBuffer> BUFFERS =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(BUFFER).order(ByteOrder.nativeOrder()));

    /** Set when the C library lacks a call: from then on every directory is read through Java. */
    private static volatile boolean unavailable;

    private LinuxDirents() {
    }

    /**
     * {@code O_DIRECTORY} differs between architectures (arm64 moved it); without it, opening a FIFO that
     * replaced a folder after its parent was read would block.
     */
    static int openFlags(String arch) {
        int oDirectory = switch (arch) {
            case "amd64", "x86_64" -> 0200000;
            case "aarch64", "arm64" -> 040000;
            default -> 0;
        };
        return oDirectory == 0 ? 0 : oDirectory | O_CLOEXEC; // O_RDONLY is 0
    }

    private static Charset namesCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? null : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean usable() {
        return !unavailable && NAMES != null && OPEN_FLAGS != 0 && Native.LONG_SIZE == 8;
    }

    /**
     * The entries of {@code dir}, read in full and closed; {@code null} when this directory must be read
     * through Java instead. Failing to open it throws what {@link java.nio.file.Files#newDirectoryStream}
     * would; failing partway is reported after the entries read so far, as Java's iterator would.
     */
    static DirectoryStream<DirEntry> list(Path dir) throws IOException {
        if (!usable() || dir.getFileSystem() != FileSystems.getDefault()) {
            return null;
        }
        byte[] path = cPath(dir);
        if (path == null) {
            return null;
        }
        Calls c;
        try {
            c = Holder.CALLS.get("getdents64");
        } catch (MissingNativeCallException e) {
            unavailable = true;
            return null;
        }
        List<Dirent64.Raw> raw = new ArrayList<>();
        IOException failure;
        try {
            failure = read(c, dir, path, raw);
        } catch (UnsatisfiedLinkError e) {
            unavailable = true; // glibc before 2.30 (2019) has no getdents64 wrapper
            return null;
        } catch (IllegalArgumentException e) {
            return null; // a record that cannot be parsed: Java's listing, rather than a guess
        }
        List<DirEntry> entries = new ArrayList<>(raw.size());
        for (Dirent64.Raw r : raw) {
            String name = new String(r.name(), NAMES);
            if (!Arrays.equals(name.getBytes(NAMES), r.name())) {
                return null; // Java keeps such a name as its bytes, which a String cannot carry
            }
            entries.add(new DirEntry(dir.resolve(name), r.type()));
        }
        return DirEntries.read(entries, failure);
    }

    /** Reads the whole directory into {@code out}; the error that broke the read off, or null. */
    private static IOException read(Calls c, Path dir, byte[] path, List<Dirent64.Raw> out) throws IOException {
        int fd = c.open(path, OPEN_FLAGS);
        if (fd < 0) {
            throw openError(Native.getLastError(), dir);
        }
        try {
            ByteBuffer buf = BUFFERS.get();
            while (true) {
                long n = c.getdents64(fd, buf, buf.capacity());
                if (n == 0) {
                    return null;
                }
                if (n < 0) {
                    return error(Native.getLastError(), dir);
                }
                Dirent64.parse(buf, (int) n, out);
            }
        } finally {
            c.close(fd);
        }
    }

    /**
     * {@code dir} as the NUL-terminated bytes Java would pass for it, or null when its String form does not
     * stand for the same bytes (a folder whose name is not valid in the charset, listed by Java).
     */
    private static byte[] cPath(Path dir) {
        String s = dir.toString();
        try {
            if (!dir.getFileSystem().getPath(s).equals(dir)) {
                return null;
            }
        } catch (InvalidPathException e) {
            return null;
        }
        byte[] bytes = s.getBytes(NAMES);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /** What {@link java.nio.file.Files#newDirectoryStream} throws when {@code opendir} fails with {@code errno}. */
    static IOException openError(int errno, Path dir) {
        return errno == ENOTDIR ? new NotDirectoryException(dir.toString()) : error(errno, dir);
    }

    /** What Java's own file API throws for {@code errno} on {@code dir}, message included. */
    static IOException error(int errno, Path dir) {
        String file = dir.toString();
        return switch (errno) {
            case PosixPlatform.ENOENT -> new NoSuchFileException(file);
            case PosixPlatform.EACCES -> new AccessDeniedException(file);
            case ELOOP -> new FileSystemException(file, null, Libc.describe(errno) + " or unable to access attributes of symbolic link");
            default -> new FileSystemException(file, null, Libc.describe(errno));
        };
    }
}
