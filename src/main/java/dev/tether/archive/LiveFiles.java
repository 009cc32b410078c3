package dev.tether.archive;

import dev.tether.layout.Items;
import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The files a backup looks at: every regular file under the items, the item itself read through its link
 * (so a machine that was set up is backed up from the synced folder), never a link found inside an item and
 * never a credential. Metadata only: listing reads no file's content.
 */
public final class LiveFiles {
    /** Claude Code's folders that are not among setup's defaults but hold history worth keeping. */
    static final List<String> EXTRA = List.of("todos", "plans");

    private LiveFiles() {
    }

    /** The items to back up: the linked ones, else setup's defaults; plus {@link #EXTRA} where present. */
    static List<String> items(List<String> linked, Path claudeDir) {
        Set<String> out = new LinkedHashSet<>(linked.isEmpty() ? Items.DEFAULTS : linked);
        for (String extra : EXTRA) {
            if (Files.exists(claudeDir.resolve(extra))) {
                out.add(extra);
            }
        }
        out.removeIf(Items::isCredentialName);
        return List.copyOf(out);
    }

    /** What went wrong with one path while listing (it is left out; the rest is backed up). */
    public record Problem(String rel, String what) {
    }

    /** The listing: the files, and the paths that could not be read. */
    record Listing(List<LiveFile> files, List<Problem> problems) {
    }

    static Listing list(Path claudeDir, List<String> items) throws IOException {
        List<LiveFile> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        ExecutorService pool = null;
        try {
            for (String item : items) {
                Path at = claudeDir.resolve(item);
                Path root;
                try {
                    root = at.toRealPath();
                } catch (NoSuchFileException e) {
                    if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                        problems.add(new Problem(item, "it links to " + e.getFile() + ", which does not exist"));
                    }
                    continue;
                }
                if (pool == null && Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                    pool = Executors.newFixedThreadPool(THREADS, r -> {
                        Thread t = new Thread(r, "tether-list");
                        t.setDaemon(true);
                        return t;
                    });
                }
                if (pool != null && Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                    walkInParallel(item, root, files, problems, pool);
                } else {
                    walk(item, root, root, files, problems);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow(); // idle by now; on a failure, the other parts are not wanted
            }
        }
        return new Listing(files, problems);
    }

    /** Threads that list an item's folders: each {@code stat} waits for the file system, not for the CPU. */
    private static final int THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** One part of an item's listing, in the order a single walk would have found it. */
    private record Part(List<LiveFile> files, List<Problem> problems) {
        Part() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * The same listing as {@link #walk} of the item's folder, in the same order, but each folder directly in it
     * walked on {@code pool}: the files and problems of each part are put together in the order of the folder's
     * entries, as one walk would have visited them.
     */
    private static void walkInParallel(String item, Path root, List<LiveFile> files, List<Problem> problems,
            ExecutorService pool) throws IOException {
        List<Object> parts = new ArrayList<>(); // a Part (files found directly in the folder) or a Future<Part>
        Part direct = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    if (direct == null) {
                        direct = new Part();
                        parts.add(direct);
                    }
                    direct.problems().add(problem(item, root, entry, e));
                    continue;
                }
                if (attrs.isDirectory() && !Links.isLink(entry, attrs)) {
                    direct = null;
                    parts.add(pool.submit(() -> {
                        Part part = new Part();
                        walk(item, root, entry, part.files(), part.problems());
                        return part;
                    }));
                } else if (attrs.isRegularFile() && !Items.isCredentialName(entry.getFileName().toString())) {
                    if (direct == null) {
                        direct = new Part();
                        parts.add(direct);
                    }
                    direct.files().add(liveFile(item, root, entry, attrs));
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        } catch (IOException e) {
            problems.add(problem(item, root, root, e)); // the folder could not be opened, as a walk reports it
            return;
        }
        for (Object p : parts) {
            Part part;
            if (p instanceof Part done) {
                part = done;
            } else {
                try {
                    part = ((Future<?>) p).get() instanceof Part walked ? walked : new Part();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("listing interrupted");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IOException(e.getCause());
                }
            }
            files.addAll(part.files());
            problems.addAll(part.problems());
        }
    }

    private static LiveFile liveFile(String item, Path root, Path file, BasicFileAttributes attrs) {
        return new LiveFile(rel(item, root, file), file, attrs.size(), attrs.lastModifiedTime().toMillis(),
                attrs.fileKey() == null ? null : attrs.fileKey().toString());
    }

    private static Problem problem(String item, Path root, Path file, IOException e) {
        return new Problem(rel(item, root, file), e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Walks {@code start} (the item's folder {@code root} or a folder in it), adding what it finds. */
    private static void walk(String item, Path root, Path start, List<LiveFile> files, List<Problem> problems)
            throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && Links.isLink(dir, attrs)) {
                    return FileVisitResult.SKIP_SUBTREE; // a junction: never followed
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !Items.isCredentialName(file.getFileName().toString())) {
                    files.add(liveFile(item, root, file, attrs));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                problems.add(problem(item, root, file, e));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The file's path relative to the Claude data dir, {@code /}-separated. Cut from the file's own path string
     * when it starts with the root's (as every path a walk of the root gives does): {@code relativize} made a
     * path object and two strings more per file, a good part of what listing 20,000 files allocated.
     */
    static String rel(String item, Path root, Path file) {
        String full = file.toString();
        String base = root.toString();
        String separator = root.getFileSystem().getSeparator();
        if (full.length() > base.length() + separator.length() && full.startsWith(base) && full.startsWith(separator, base.length())
                && !base.endsWith(separator)) {
            String inside = full.substring(base.length() + separator.length());
            return item + "/" + (separator.equals("/") ? inside : inside.replace(separator, "/"));
        }
        String inside = root.relativize(file).toString().replace(separator, "/");
        return inside.isEmpty() ? item : item + "/" + inside;
    }
}
