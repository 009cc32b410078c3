package dev.tether.platform;

import dev.tether.layout.Kind;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The operating-system boundary. Everything that needs a native call goes through here, so the
 * rest of tether is plain Java that runs (and is tested) on any OS.
 */
public interface Platform {

    Os os();

    /**
     * Renames {@code from} to {@code to} in one step and never replaces: when {@code to} exists the
     * call fails with {@link java.nio.file.FileAlreadyExistsException} and nothing changes.
     */
    void renameNoReplace(Path from, Path to) throws IOException;

    /** Whether {@link #exchange} is available (Linux {@code RENAME_EXCHANGE}, macOS {@code RENAME_SWAP}). */
    boolean canExchange();

    /** Swaps two existing paths atomically. */
    void exchange(Path a, Path b) throws IOException;

    /**
     * Creates a link at {@code link} pointing at the absolute {@code target}, which exists: on Windows a
     * symlink or a junction as {@link #linkKindFor} decides, from whether the target is a directory.
     */
    void createLink(Path link, Path target) throws IOException;

    /** A link as read from disk: its kind and its absolute target (a relative symlink resolved against its folder). */
    record Link(LinkKind kind, Path target) {
    }

    /**
     * The symbolic link or junction at {@code path}, never followed; empty for anything else (a file, a
     * directory, a cloud placeholder, nothing at all). Java sees a junction as a plain directory, so
     * everything that must not descend into a link asks here.
     */
    default Optional<Link> readLink(Path path) throws IOException {
        return Links.read(path);
    }

    /**
     * Which link an item of {@code kind} pointing at {@code target} gets here, or why it gets none; asked
     * while planning, so a refusal comes before anything changes. POSIX: always a symlink.
     */
    default LinkKindDecision.Outcome linkKindFor(Kind kind, Path target) {
        return new LinkKindDecision.Outcome.Make(LinkKind.SYMLINK);
    }

    /**
     * Creates the link {@link #linkKindFor} decides and says which kind it made.
     *
     * @throws LinkNotPossibleException when no allowed link reaches the target (nothing was created)
     */
    default LinkKind createLink(Path link, Path target, boolean directory) throws IOException {
        LinkKind kind = LinkKindDecision.kindOrThrow(linkKindFor(directory ? Kind.DIR : Kind.FILE, target));
        createLink(link, target);
        return kind;
    }

    /** Removes the link at {@code link} and never what it points at; {@link NotLinkException} for anything else. */
    default void removeLink(Path link) throws IOException {
        if (readLink(link).isEmpty()) {
            throw new NotLinkException(link.toString(), null, "not a link; tether removes only links");
        }
        Files.delete(link);
    }

    /**
     * True for an online-only placeholder whose data is not on this machine (macOS {@code SF_DATALESS},
     * Windows recall-on-access or offline). Looks at metadata only, so it never triggers a download.
     */
    default boolean isPlaceholder(Path path) throws IOException {
        return false;
    }

    /** The type of the file system holding {@code path} ({@code ext4}, {@code tmpfs}, {@code apfs}, {@code NTFS}...). */
    default String filesystemType(Path path) throws IOException {
        return Files.getFileStore(path).type();
    }

    /**
     * The entries of the directory {@code dir}, each with its type when the directory read says it for free
     * (Linux: {@code d_type}), else {@link DirEntry.Type#UNKNOWN}, so a walk stats only what it must. Opening
     * fails as {@link Files#newDirectoryStream} does; a read that breaks off throws
     * {@link java.nio.file.DirectoryIteratorException} from the iterator, after the entries read so far.
     * Here: Java's listing, every type unknown.
     */
    default DirectoryStream<DirEntry> listDirectory(Path dir) throws IOException {
        return DirEntries.nio(dir);
    }

    /** True when both paths live on the same device, so a rename between them can succeed. */
    boolean sameDevice(Path a, Path b) throws IOException;

    /** True when the file descriptor (0, 1, 2) is a terminal. */
    boolean isTerminal(int fd);

    /**
     * The Windows registry (for finding sync roots); empty elsewhere. Advapi32 loads on first use, only on
     * Windows.
     */
    default RegistryReader registry() {
        return os() == Os.WINDOWS ? new WindowsRegistry() : RegistryReader.NONE;
    }

    /** The platform of the running process. Native libraries load lazily, on first use. */
    static Platform current() {
        return switch (Os.current()) {
            case LINUX -> new LinuxPlatform();
            case MACOS -> new MacPlatform();
            case WINDOWS -> new WindowsPlatform();
        };
    }
}
