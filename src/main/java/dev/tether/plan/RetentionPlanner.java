package dev.tether.plan;

import dev.tether.retention.Retention;
import dev.tether.retention.SettingsFile;
import java.nio.file.Path;

/** Decides setup's {@link RetentionAction} from the effective value and the user's settings file. Pure. */
public final class RetentionPlanner {
    private RetentionPlanner() {
    }

    /**
     * @param settings the user's {@code settings.json} path, {@code user} what it holds
     * @param noRetain {@code --no-retain}
     * @param synced the synced folder, named in the warning (the sweep deletes there, for every machine)
     */
    public static RetentionAction decide(Retention now, SettingsFile.Read user, Path settings, boolean noRetain, Path synced) {
        if (noRetain) {
            return new RetentionAction.Skip(now, warning(now, synced));
        }
        if (now.source() == Retention.Source.MANAGED) {
            return new RetentionAction.Keep(now, warning(now, synced));
        }
        if (user instanceof SettingsFile.Read.Invalid invalid) {
            return new RetentionAction.Unreadable(now, settings, invalid.reason());
        }
        boolean userChose = user instanceof SettingsFile.Read.Valid v && v.settings().has(Retention.KEY);
        if (userChose) {
            return new RetentionAction.Keep(now, warning(now, synced));
        }
        return new RetentionAction.Retain(now, settings, user instanceof SettingsFile.Read.Missing);
    }

    /** What a value that deletes will delete, and where; null when it keeps everything. */
    static String warning(Retention now, Path synced) {
        if (!now.deletes() && now.problem() == null) {
            return null;
        }
        String why = now.problem() != null ? now.problem() + "; " : "";
        return why + "Claude Code deletes transcripts older than " + now.describe() + " when it starts, and through the"
                + " links that deletes them in " + synced.resolve("projects") + " (with their file-history and tasks)"
                + " for every machine. tether never overrides a value that was chosen: set " + Retention.KEY + " to "
                + Retention.KEEP_ALL + " there to keep them, and keep an archive with tether backup";
    }
}
