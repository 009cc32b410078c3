package dev.tether.archive;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What {@code tether restore} will put back, per file, before it writes anything: a value the CLI prints
 * and the journal records.
 *
 * @param sessions the sessions chosen, as the index knows them
 * @param files every file to put back or unite, with what happens to it
 * @param swept sessions whose restored transcript this machine's retention would delete again at Claude Code's
 *        next start (their last activity is older than its {@code cleanupPeriodDays}); restore refuses them
 *        unless {@code --touch}
 */
public record RestorePlan(List<SessionEntry> sessions, List<FileRestore> files, List<SessionEntry> swept) {

    /** What happens to one live file. */
    public enum Action {
        /** The live file is gone: the archive's content is put back. */
        CREATE,
        /** The live transcript exists: it becomes the union of its lines and the archive's. */
        UNITE,
        /** The live file holds everything the archive does: nothing to do. */
        SAME,
        /** Another file whose live content differs from the archive's: the live one stays, untouched. */
        KEEP_LIVE
    }

    /**
     * One live file and the archive's copy of it.
     *
     * @param rel the live path relative to the Claude data dir
     * @param live where it goes (through the item's link)
     * @param archived the archive's file (a transcript's gzip, or the newest version of another file)
     * @param mtime the modification time it gets: its last line's timestamp, or now with {@code --touch}
     */
    public record FileRestore(String session, String rel, Path live, Path archived, Action action, Instant mtime) {
        public boolean changes() {
            return action == Action.CREATE || action == Action.UNITE;
        }
    }

    public boolean changesAnything() {
        return files.stream().anyMatch(FileRestore::changes);
    }
}
