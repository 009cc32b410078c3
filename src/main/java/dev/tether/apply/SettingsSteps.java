package dev.tether.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.retention.SettingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The steps of the jobs that edit the user's {@code settings.json} (the retention value, tether's hooks):
 * read it, change what the job changes, write it back in one atomic rename ({@code placed}, through a link,
 * which stays) with every other key in its place, then {@code committed}. Idempotent: an edit already made
 * (or, undoing, already gone) writes nothing.
 */
final class SettingsSteps {
    private final JobContext context;
    private final Path settings;
    private final String item;

    SettingsSteps(JobContext context, String settings, String item) {
        this.context = context;
        this.settings = context.path(settings);
        this.item = item;
    }

    /**
     * Makes the edit unless {@code done} says it is made; a missing file is made. With {@code dropWhenEmpty}
     * (undoing an edit in a file tether made), a file left holding nothing else goes.
     */
    void edit(Predicate<ObjectNode> done, Consumer<ObjectNode> change, boolean dropWhenEmpty) throws IOException {
        SettingsFile file = new SettingsFile(settings);
        file.discardTemp(context.runId());
        SettingsFile.Read read = file.read();
        if (read instanceof SettingsFile.Read.Invalid invalid) {
            throw new IOException(settings + " cannot be edited: " + invalid.reason() + "; it was left as it is");
        }
        ObjectNode now = read instanceof SettingsFile.Read.Valid v ? v.settings() : null;
        if (now == null ? !dropWhenEmpty && !done.test(JsonNodeFactory.instance.objectNode()) : !done.test(now)) {
            ObjectNode edited = now == null ? JsonNodeFactory.instance.objectNode() : now.deepCopy();
            change.accept(edited);
            if (dropWhenEmpty && edited.isEmpty() && Files.isRegularFile(settings, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(settings);
            } else {
                file.replace(read, edited, context.runId());
            }
            record(Journal.PLACED);
        }
        record(Journal.COMMITTED);
    }

    private void record(String step) throws IOException {
        context.recorder().record(step, item);
    }
}
