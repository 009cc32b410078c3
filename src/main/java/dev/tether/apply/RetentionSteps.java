package dev.tether.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.retention.Retention;
import dev.tether.retention.SettingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Set;

/**
 * The steps of {@link Job.Retain} and {@link Job.Unretain}: adding or removing {@code cleanupPeriodDays} in
 * the user's {@code settings.json}. Every other key keeps its place and value; the file is rewritten in one
 * atomic rename (through a link, which stays). Both directions are idempotent: the key already there
 * means added, the key gone (or holding another value) means nothing of tether's is left to remove.
 */
final class RetentionSteps {
    private final JobContext context;
    private final Path settings;
    private final String item;

    RetentionSteps(JobContext context, String settings, String item) {
        this.context = context;
        this.settings = context.path(settings);
        this.item = item;
    }

    /** Adds the key with {@code days} when it is absent ({@code placed}, then {@code committed}). */
    void add(int days, Set<String> done) throws IOException {
        SettingsFile file = new SettingsFile(settings);
        file.discardTemp(context.runId());
        SettingsFile.Read read = file.read();
        if (read instanceof SettingsFile.Read.Invalid invalid) {
            throw new IOException(settings + " cannot be edited: " + invalid.reason() + "; it was left as it is");
        }
        if (!(read instanceof SettingsFile.Read.Valid v && v.settings().has(Retention.KEY))) {
            ObjectNode edited = read instanceof SettingsFile.Read.Valid v2 ? v2.settings().deepCopy()
                    : JsonNodeFactory.instance.objectNode();
            edited.put(Retention.KEY, days);
            file.replace(read, edited, context.runId());
            record(Journal.PLACED);
        }
        record(Journal.COMMITTED);
    }

    /**
     * Removes the key while it still holds {@code days} (a value someone chose since is theirs); a file tether
     * made that then holds nothing else goes too.
     */
    void remove(int days, boolean created) throws IOException {
        SettingsFile file = new SettingsFile(settings);
        file.discardTemp(context.runId());
        SettingsFile.Read read = file.read();
        if (read instanceof SettingsFile.Read.Valid v && isOurs(v.settings().get(Retention.KEY), days)) {
            ObjectNode edited = v.settings().deepCopy();
            edited.remove(Retention.KEY);
            if (created && edited.isEmpty() && Files.isRegularFile(settings, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(settings);
            } else {
                file.replace(read, edited, context.runId());
            }
            record(Journal.PLACED);
        }
        record(Journal.COMMITTED);
    }

    private static boolean isOurs(JsonNode value, int days) {
        return value != null && value.canConvertToExactIntegral() && value.asLong() == days;
    }

    private void record(String step) throws IOException {
        context.recorder().record(step, item);
    }
}
