package dev.tether.find;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What could not be read, collected for people (the commands print it on stderr) instead of thrown:
 * finding reads on past a broken line or file. Broken lines are counted per file, not listed one by
 * one, so a binary file named {@code .jsonl} makes one message, not thousands. Safe to share between threads.
 */
public final class Problems {
    private static final int MAX_FILES = 50;

    private final Map<Path, OfFile> files = new LinkedHashMap<>();
    private final Set<Path> leftOut = new HashSet<>();

    /** The problems of one file: its broken lines (how many, the first one and why) and its other messages. */
    public record OfFile(long brokenLines, long firstBrokenLine, String firstReason, List<String> messages) {
        public OfFile {
            messages = List.copyOf(messages);
        }

        public static final OfFile NONE = new OfFile(0, 0, null, List.of());

        OfFile withLine(long number, String reason) {
            return brokenLines == 0 ? new OfFile(1, number, reason, messages)
                    : new OfFile(brokenLines + 1, firstBrokenLine, firstReason, messages);
        }

        OfFile with(String message) {
            List<String> more = new ArrayList<>(messages);
            more.add(message);
            return new OfFile(brokenLines, firstBrokenLine, firstReason, more);
        }

        OfFile plus(OfFile other) {
            List<String> more = new ArrayList<>(messages);
            more.addAll(other.messages);
            return brokenLines > 0 ? new OfFile(brokenLines + other.brokenLines, firstBrokenLine, firstReason, more)
                    : new OfFile(other.brokenLines, other.firstBrokenLine, other.firstReason, more);
        }

        public boolean isEmpty() {
            return brokenLines == 0 && messages.isEmpty();
        }
    }

    /** A problem with a whole file (unreadable, truncated, too long a line). */
    public synchronized void file(Path file, String message) {
        update(file, OfFile.NONE.with(message));
    }

    /** A line that is not a JSON object. */
    public synchronized void line(Path file, long number, String reason) {
        OfFile now = files.get(file);
        if (now != null) {
            files.put(file, now.withLine(number, reason));
        } else {
            update(file, OfFile.NONE.withLine(number, reason));
        }
    }

    /** Adds what is known of one file's problems (from a cache that read it before). */
    public synchronized void add(Path file, OfFile problems) {
        if (!problems.isEmpty()) {
            update(file, problems);
        }
    }

    /** Adds everything another collection holds (a worker's, once its work is taken). */
    public void addAll(Problems other) {
        Map<Path, OfFile> theirs;
        synchronized (other) {
            theirs = new LinkedHashMap<>(other.files);
        }
        theirs.forEach(this::add);
    }

    /** The problems recorded for one file so far. */
    public synchronized OfFile of(Path file) {
        return files.getOrDefault(file, OfFile.NONE);
    }

    public synchronized boolean isEmpty() {
        return files.isEmpty() && leftOut.isEmpty();
    }

    /** One message per problem, each starting with the file it is about. */
    public synchronized List<String> messages() {
        List<String> out = new ArrayList<>();
        files.forEach((file, p) -> {
            if (p.brokenLines() == 1) {
                out.add(file + ": line " + p.firstBrokenLine() + " skipped: " + p.firstReason());
            } else if (p.brokenLines() > 1) {
                out.add(file + ": " + p.brokenLines() + " lines skipped, the first (line " + p.firstBrokenLine() + "): "
                        + p.firstReason());
            }
            p.messages().forEach(m -> out.add(file + ": " + m));
        });
        if (!leftOut.isEmpty()) {
            out.add("and " + leftOut.size() + " more file(s) with problems");
        }
        return out;
    }

    private void update(Path file, OfFile more) {
        OfFile now = files.get(file);
        if (now == null && files.size() >= MAX_FILES) {
            leftOut.add(file);
            return;
        }
        files.put(file, now == null ? more : now.plus(more));
    }
}
