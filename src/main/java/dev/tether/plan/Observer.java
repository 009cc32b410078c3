package dev.tether.plan;

import dev.tether.layout.Items;
import dev.tether.layout.Kind;
import dev.tether.platform.Links;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/** Looks at the disk, never changes it, and describes what it sees as {@link Observation}s. */
public final class Observer {
    private final Platform platform;

    public Observer(Platform platform) {
        this.platform = platform;
    }

    public Observation observe(String item, SyncLayout layout, Optional<Path> recordedTarget) throws IOException {
        Path source = layout.claudeDir().resolve(item);
        Path target = layout.syncedFolder().resolve(item);
        boolean sameDevice = platform.sameDevice(layout.claudeDir(), layout.syncRoot());
        Entry synced = look(target, false, platform);
        // counted when the data will be copied: a move across filesystems, or a merge
        Entry local = look(source, !sameDevice || synced.exists(), platform);
        return new Observation(item, Items.expectedKind(item), source, local, target, synced, recordedTarget, sameDevice);
    }

    /**
     * What is at {@code path}, links not followed.
     *
     * @param count whether to walk a directory to count its bytes and files (needed for a copy)
     */
    public static Entry look(Path path, boolean count) throws IOException {
        return look(path, count, null);
    }

    /**
     * As {@link #look(Path, boolean)}, asking {@code platform} (when given) about entries Java sees as
     * "other": a Windows cloud placeholder (an online-only file) is such an entry, and it is a file.
     */
    public static Entry look(Path path, boolean count, Platform platform) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Entry.Missing();
        }
        Optional<Platform.Link> link = Links.read(path, attrs); // a symlink, or a Windows junction
        if (link.isPresent()) {
            Path target = link.get().target();
            Optional<Path> resolved = Optional.empty();
            if (Files.exists(target)) {
                resolved = Optional.of(target.toRealPath());
            }
            return new Entry.Link(target, resolved.isPresent(), resolved);
        }
        if (attrs.isRegularFile()) {
            return new Entry.Data(Kind.FILE, attrs.size(), 1);
        }
        if (attrs.isOther() && platform != null && platform.isPlaceholder(path)) {
            return new Entry.Data(Kind.FILE, attrs.size(), 1);
        }
        if (!attrs.isDirectory()) {
            return new Entry.Unsupported("not a regular file, directory or link (a device, FIFO or socket)");
        }
        if (!count) {
            return new Entry.Data(Kind.DIR, -1, -1);
        }
        long[] totals = new long[2];
        String[] unsupported = new String[1];
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                if (Links.isLink(dir, a)) {
                    // Java would walk into a junction; the copy could only duplicate its target, so refuse it here
                    unsupported[0] = "a tree holding a junction at " + dir + " (tether does not copy junctions)";
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (a.isOther()) {
                    unsupported[0] = "a tree holding a special file (device, FIFO or socket) at " + file;
                    return FileVisitResult.TERMINATE;
                }
                totals[0] += a.isRegularFile() ? a.size() : 0;
                totals[1]++;
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // An unreadable entry is found again by the copy, which fails and rolls back with the reason.
                return FileVisitResult.CONTINUE;
            }
        });
        return unsupported[0] != null ? new Entry.Unsupported(unsupported[0]) : new Entry.Data(Kind.DIR, totals[0], totals[1]);
    }
}
