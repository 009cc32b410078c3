package dev.tether.find;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A transcript file as a folder listing saw it: a live {@code .jsonl} or an archived {@code .jsonl.gz}.
 * Size and modification time tell a cache whether what it knows of the file still holds. Kept as its
 * folder (one path object for every transcript of a project) and its name; the full path is made when
 * asked, so a listing of 20,000 sessions does not hold 20,000 paths. A name that is not valid in the
 * file system's charset keeps the listed path itself: made again from the name, it would be another.
 */
public final class TranscriptFile {
    private static final String JSONL = ".jsonl";
    private static final String JSONL_GZ = ".jsonl.gz";

    private final Path folder;
    /** The name without its ending (the session id, shared with the session), and the ending; or the whole name and "". */
    private final String stem;
    private final String ending;
    private final Path exact;
    private final long size;
    private final long seconds;
    private final int nanos;

    private TranscriptFile(Path folder, String name, Path exact, long size, Instant modified) {
        this.folder = folder;
        this.ending = name.endsWith(JSONL_GZ) ? JSONL_GZ : name.endsWith(JSONL) ? JSONL : "";
        this.stem = name.substring(0, name.length() - ending.length());
        this.exact = exact;
        this.size = size;
        this.seconds = modified.getEpochSecond();
        this.nanos = modified.getNano();
    }

    /** The transcript at {@code path}. */
    public static TranscriptFile of(Path path, long size, Instant modified) {
        return new TranscriptFile(path.getParent(), path.getFileName().toString(), path, size, modified);
    }

    /** The transcript {@code name} in {@code folder}, as listed ({@code listed} is the listing's path of it). */
    static TranscriptFile listed(Path folder, String name, Path listed, long size, Instant modified) {
        return name.indexOf('\ufffd') >= 0 ? new TranscriptFile(folder, name, listed, size, modified)
                : new TranscriptFile(folder, name, null, size, modified);
    }

    /** The file's path (made each time from folder and name: keep it where it is needed often). */
    public Path path() {
        return exact != null ? exact : folder.resolve(name());
    }

    /** The folder it is in. */
    public Path folder() {
        return folder;
    }

    /** Its file name. */
    public String name() {
        return stem + ending;
    }

    /** Its file name's ending: {@code .jsonl}, {@code .jsonl.gz}, or "" (then {@link #stem()} is the whole name). */
    String ending() {
        return ending;
    }

    /** Whether {@link #path()} is exactly {@code folder() + separator + name()} as strings, which a cache may rely on. */
    boolean plainName() {
        return exact == null;
    }

    public long size() {
        return size;
    }

    /** When it was last modified (a new object each time: 20,000 transcripts need not hold one each). */
    public Instant modified() {
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** Whether {@link #modified()} is {@code t}. */
    boolean modifiedAt(Instant t) {
        return t.getEpochSecond() == seconds && t.getNano() == nanos;
    }

    public boolean gzip() {
        return ending == JSONL_GZ || (ending.isEmpty() && stem.endsWith(".gz"));
    }

    /** The file name without {@code .jsonl} or {@code .jsonl.gz}: a session id, or a subagent's name. */
    public String stem() {
        return stem;
    }

    static String stem(String name) {
        if (name.endsWith(".jsonl.gz")) {
            return name.substring(0, name.length() - ".jsonl.gz".length());
        }
        return name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
    }

    static boolean isTranscriptName(String name) {
        return (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) && !name.startsWith(".");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TranscriptFile t && size == t.size && seconds == t.seconds && nanos == t.nanos && path().equals(t.path());
    }

    @Override
    public int hashCode() {
        return Objects.hash(path(), size, modified());
    }

    @Override
    public String toString() {
        return "TranscriptFile[path=" + path() + ", size=" + size + ", modified=" + modified() + "]";
    }
}
