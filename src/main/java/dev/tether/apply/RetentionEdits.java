package dev.tether.apply;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.retention.Retention;
import java.io.IOException;

/**
 * The retention value's two edits: adding {@code cleanupPeriodDays} when it is absent, and removing it
 * while it still holds tether's value (a value someone chose since is theirs).
 */
final class RetentionEdits {
    private RetentionEdits() {
    }

    static void add(SettingsSteps steps, int days) throws IOException {
        steps.edit(s -> s.has(Retention.KEY), s -> s.put(Retention.KEY, days), false);
    }

    /** A file tether made that then holds nothing else goes too. */
    static void remove(SettingsSteps steps, int days, boolean created) throws IOException {
        steps.edit(s -> !isOurs(s.get(Retention.KEY), days), s -> s.remove(Retention.KEY), created);
    }

    private static boolean isOurs(JsonNode value, int days) {
        return value != null && value.canConvertToExactIntegral() && value.asLong() == days;
    }
}
