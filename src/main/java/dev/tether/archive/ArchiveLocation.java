package dev.tether.archive;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the archive is, and whether it may be there. */
public final class ArchiveLocation {
    /** Where the place came from, for the output. */
    public enum From {
        OPTION("--archive"), ENV("$TETHER_ARCHIVE_DIR"), RECORDED("recorded by an earlier backup"), DEFAULT("the default");

        private final String label;

        From(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The chosen folder and why. */
    public record Chosen(Path archive, From from) {
    }

    private ArchiveLocation() {
    }

    /** {@code --archive}, else {@code $TETHER_ARCHIVE_DIR}, else the recorded one, else {@code fallback}. Pure. */
    public static Chosen choose(Path option, Path env, Path recorded, Path fallback) {
        if (option != null) {
            return new Chosen(option, From.OPTION);
        }
        if (env != null) {
            return new Chosen(env, From.ENV);
        }
        if (recorded != null) {
            return new Chosen(recorded, From.RECORDED);
        }
        return new Chosen(fallback, From.DEFAULT);
    }

    /**
     * Refuses (exit 2, nothing changed) an archive inside the Claude data dir or inside one of the items it
     * backs up (a linked item's data in the synced folder included): a backup there would archive itself,
     * and Claude Code's sweep or a sync client could delete it.
     */
    public static void requireOutside(Path archive, Path claudeDir, List<Path> items) {
        Path real = realish(archive);
        check(real, realish(claudeDir), "the Claude data dir " + claudeDir);
        for (Path item : items) {
            if (Files.exists(item)) {
                check(real, realish(item), "the item " + item + (Files.isSymbolicLink(item) ? " (linked)" : ""));
            }
        }
    }

    private static void check(Path archive, Path inside, String what) {
        if (archive.startsWith(inside)) {
            throw new Failure.BadInput("the archive " + archive + " would be inside " + what + "; nothing was changed",
                    "tether backup --archive DIR with a folder outside it (the default is under your data folder)");
        }
    }

    /** The real path of {@code p}, or of its nearest existing parent with the rest appended (links resolved). */
    static Path realish(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }
}
