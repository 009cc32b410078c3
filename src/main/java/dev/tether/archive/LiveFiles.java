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
import java.util.function.Supplier;

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

    /**
     * Where a listing goes, a part at a time: each part gets its files and problems in the order one walk finds
     * them, and the parts are joined in that order too, so what a sink sees does not depend on the threads.
     * A sink that decides as the files come (a backup's plan) keeps only what it needs of each; a walk of
     * 20,000 files that kept every one until the end kept most of a no-change backup's memory.
     */
    interface Sink<S extends Sink<S>> {
        void file(LiveFile f);

        void problem(Problem p);

        /** Adds the part that comes right after everything this one holds. */
        void append(S next);
    }

    /** The listing: the files, and the paths that could not be read. */
    record Listing(List<LiveFile> files, List<Problem> problems) implements Sink<Listing> {
        Listing() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        @Override
        public void file(LiveFile f) {
            files.add(f);
        }

        @Override
        public void problem(Problem p) {
            problems.add(p);
        }

        @Override
        public void append(Listing next) {
            files.addAll(next.files());
            problems.addAll(next.problems());
        }
    }

    static Listing list(Path claudeDir, List<String> items) throws IOException {
        return list(claudeDir, items, Listing::new);
    }

    /** Lists the items into sinks that {@code parts} makes, and returns the first, every other part appended to it. */
    static <S extends Sink<S>> S list(Path claudeDir, List<String> items, Supplier<S> parts) throws IOException {
        S out = parts.get();
        ExecutorService pool = null;
        try {
            for (String item : items) {
                Path at = claudeDir.resolve(item);
                Path root;
                try {
                    root = at.toRealPath();
                } catch (NoSuchFileException e) {
                    if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
                        out.problem(new Problem(item, "it links to " + e.getFile() + ", which does not exist"));
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
                    walkInParallel(item, root, out, pool, parts);
                } else {
                    walk(item, root, root, out);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow(); // idle by now; on a failure, the other parts are not wanted
            }
        }
        return out;
    }

    /** Threads that list an item's folders: each {@code stat} waits for the file system, not for the CPU. */
    private static final int THREADS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /**
     * The same listing as {@link #walk} of the item's folder, in the same order, but each folder directly in it
     * walked on {@code pool}: the files and problems of each part are put together in the order of the folder's
     * entries, as one walk would have visited them.
     */
    private static <S extends Sink<S>> void walkInParallel(String item, Path root, S out, ExecutorService pool, Supplier<S> parts)
            throws IOException {
        List<Object> ordered = new ArrayList<>(); // a sink (files found directly in the folder) or a Future of one
        S direct = null;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (IOException e) {
                    if (direct == null) {
                        direct = parts.get();
                        ordered.add(direct);
                    }
                    direct.problem(problem(item, root, entry, e));
                    continue;
                }
                if (attrs.isDirectory() && !Links.isLink(entry, attrs)) {
                    direct = null;
                    ordered.add(pool.submit(() -> {
                        S part = parts.get();
                        walk(item, root, entry, part);
                        return part;
                    }));
                } else if (attrs.isRegularFile()) {
                    LiveFile f = liveFile(item, root, entry, attrs);
                    if (f != null) {
                        if (direct == null) {
                            direct = parts.get();
                            ordered.add(direct);
                        }
                        direct.file(f);
                    }
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        } catch (IOException e) {
            out.problem(problem(item, root, root, e)); // the folder could not be opened, as a walk reports it
            return;
        }
        for (Object p : ordered) {
            Object part;
            try {
                part = p instanceof Future<?> walked ? walked.get() : p;
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
            @SuppressWarnings("unchecked") // every part is made by parts.get()
            S next = (S) part;
            out.append(next);
        }
    }

    /** The regular file as a backup sees it; null for a credential, which never leaves the machine. */
    private static LiveFile liveFile(String item, Path root, Path file, BasicFileAttributes attrs) {
        String rel = rel(item, root, file);
        // the name from the relative path: asking the Path for its file name made a path and two strings more per file
        if (Items.isCredentialName(rel.substring(rel.lastIndexOf('/') + 1))) {
            return null;
        }
        return new LiveFile(rel, file, attrs.size(), attrs.lastModifiedTime().toMillis(),
                attrs.fileKey() == null ? null : attrs.fileKey().toString());
    }

    private static Problem problem(String item, Path root, Path file, IOException e) {
        return new Problem(rel(item, root, file), e.getMessage() == null ? e.toString() : e.getMessage());
    }

    /** Walks {@code start} (the item's folder {@code root} or a folder in it), adding what it finds. */
    private static void walk(String item, Path root, Path start, Sink<?> out) throws IOException {
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
                if (attrs.isRegularFile()) {
                    LiveFile f = liveFile(item, root, file, attrs);
                    if (f != null) {
                        out.file(f);
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                out.problem(problem(item, root, file, e));
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
