package dev.tether.archive;

import java.util.List;
import java.util.Map;

/**
 * What a backup added: per item the files and bytes, the lines of transcripts, the archive's total size
 * afterwards, and the files it could not read (left out; the run then ends with exit 4).
 */
public record BackupResult(Map<String, long[]> perItem, long files, long lines, long bytes, long archiveBytes,
        List<String> unreadable) {
}
