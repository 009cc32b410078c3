package dev.tether.plan;

import dev.tether.hooks.HookEntries;
import dev.tether.retention.SettingsFile;
import java.nio.file.Path;
import java.util.Optional;

/** Decides setup's {@link HooksAction} from the settings file and the two commands. Pure. */
public final class HooksPlanner {
    private HooksPlanner() {
    }

    /**
     * @param commands the two hook commands ({@code session-start}, {@code session-end}), or empty with the
     *     reason in {@code why} when this tether cannot say how to start itself again
     */
    public static HooksAction decide(SettingsFile.Read user, Path settings, boolean noHooks, Optional<String[]> commands,
            String why) {
        if (noHooks) {
            return new HooksAction.Skip("--no-hooks");
        }
        if (user instanceof SettingsFile.Read.Invalid invalid) {
            return new HooksAction.Skip(settings + " is left untouched: " + invalid.reason());
        }
        if (commands.isEmpty()) {
            return new HooksAction.Skip(why);
        }
        String start = commands.get()[0];
        String end = commands.get()[1];
        if (user instanceof SettingsFile.Read.Valid v && HookEntries.present(v.settings(), start, end)) {
            return new HooksAction.Ok(settings);
        }
        boolean madeHooks = !(user instanceof SettingsFile.Read.Valid v && v.settings().has("hooks"));
        return new HooksAction.Add(settings, start, end, madeHooks);
    }
}
