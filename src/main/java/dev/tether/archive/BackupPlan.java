package dev.tether.archive;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a backup will read and add, decided from metadata alone (the listing and this machine's catalog):
 * a value that {@code --dry-run} prints and the run journals before it writes.
 *
 * @param work the files with something new, in listing order
 * @param unchanged how many files have nothing new (their content is not read)
 * @param problems paths that could not be listed
 * @param live the transcripts ({@code projects/<key>/<id>.jsonl}) that exist live
 * @param catalog this machine's catalog the plan was made from (the run adds to it rather than read it again)
 */
public record BackupPlan(ArchiveLayout layout, List<String> items, List<Work> work, int unchanged,
        List<LiveFiles.Problem> problems, List<String> live, Catalog catalog) {

    /** One file's work. */
    public sealed interface Work {
        LiveFile file();

        /** What the plan shows. */
        String what();
    }

    /** A transcript that only grew (same file, larger): its new tail becomes one new gzip member. */
    public record Tail(LiveFile file, Catalog.Entry entry) implements Work {
        @Override
        public String what() {
            return "append " + (file.size() - entry.exact()) + " new bytes";
        }
    }

    /** A transcript not archived yet: all its bytes. */
    public record Whole(LiveFile file) implements Work {
        @Override
        public String what() {
            return "new, " + file.size() + " bytes";
        }
    }

    /** A transcript rewritten (or archived by someone else too): the lines the archive lacks are added. */
    public record Lines(LiveFile file) implements Work {
        @Override
        public String what() {
            return "rewritten: add the lines the archive lacks";
        }
    }

    /**
     * Another file, new or changed: kept as a new version unless that content is kept already.
     *
     * @param entry what this machine's catalog says of it, or null
     * @param onDisk the versions the archive holds already (from this machine, another one, or a lost catalog)
     * @param next where a new version goes
     */
    public record Content(LiveFile file, Catalog.Entry entry, List<Path> onDisk, Path next) implements Work {
        @Override
        public String what() {
            return (onDisk.isEmpty() ? "new, " : "changed, ") + file.size() + " bytes";
        }
    }

    /** Per item: how many files have something new, and how many bytes they hold at most. */
    public Map<String, long[]> perItem() {
        Map<String, long[]> out = new TreeMap<>();
        for (String item : items) {
            out.put(item, new long[2]);
        }
        for (Work w : work) {
            String item = w.file().rel().split("/")[0];
            long[] n = out.computeIfAbsent(item, k -> new long[2]);
            n[0]++;
            n[1] += w instanceof Tail t ? t.file().size() - t.entry().exact() : w.file().size();
        }
        return out;
    }

    public boolean changesAnything() {
        return !work.isEmpty();
    }

    /** Bytes the run reads at most. */
    public long bytesToRead() {
        return perItem().values().stream().mapToLong(n -> n[1]).sum();
    }

}
