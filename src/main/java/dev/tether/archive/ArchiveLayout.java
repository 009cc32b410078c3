package dev.tether.archive;

import java.nio.file.Path;

/**
 * Where an archive keeps what. Readable without tether: each archived {@code .jsonl} file is a gzip file at
 * its relative path plus {@code .gz} (members follow each other, as {@code zcat} reads them); every other
 * file is kept as {@code <path>.gz}, and each later distinct content as {@code <path>.~N~.gz} (GNU's numbered
 * backups). tether's own bookkeeping lives in {@code .tether-archive/}: the lock, the journal, one catalog per
 * machine and the index of sessions.
 */
public record ArchiveLayout(Path root) {
    public static final String META = ".tether-archive";

    public Path meta() {
        return root.resolve(META);
    }

    /** What one machine knows about the live files it archived: {@code catalog/<machine-id>.json.gz}. */
    public Path catalog(String machineId) {
        return meta().resolve("catalog").resolve(machineId + ".json.gz");
    }

    /** The index of sessions. */
    public Path index() {
        return meta().resolve("sessions.json");
    }

    /** Which live set the index of sessions was last marked for ({@link LiveStamp}). */
    public Path liveStamp() {
        return meta().resolve("sessions.live");
    }

    /** The archive's own description (format, size). */
    public Path marker() {
        return meta().resolve("archive.json");
    }

    /** The archived form of the live {@code .jsonl} file at {@code rel} ({@code /}-separated). */
    public Path lines(String rel) {
        return resolve(rel + ".gz");
    }

    /** Version {@code n} (from 1) of the live file at {@code rel}. */
    public Path version(String rel, int n) {
        return resolve(n == 1 ? rel + ".gz" : rel + ".~" + n + "~.gz");
    }

    /** The live file's path relative to the Claude data dir, for an archived path; null for tether's own files. */
    public static String liveRel(String archivedRel) {
        if (archivedRel.startsWith(META + "/") || !archivedRel.endsWith(".gz")) {
            return null;
        }
        String rel = archivedRel.substring(0, archivedRel.length() - 3);
        int tilde = rel.lastIndexOf(".~");
        if (tilde > 0 && rel.endsWith("~") && rel.substring(tilde + 2, rel.length() - 1).chars().allMatch(Character::isDigit)
                && rel.length() - 1 > tilde + 2) {
            rel = rel.substring(0, tilde);
        }
        return rel;
    }

    private Path resolve(String rel) {
        return root.resolve(rel.replace("/", root.getFileSystem().getSeparator()));
    }

    /** Whether {@code rel} is a transcript a backup archives line by line. */
    public static boolean isLines(String rel) {
        return rel.endsWith(".jsonl");
    }
}
