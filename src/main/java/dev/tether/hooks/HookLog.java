package dev.tether.hooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <state-dir>/hooks.jsonl}: what each hook run did (archived, skipped because another backup held the
 * lock, failed), since a hook's own output is seen by nobody. Keeps the last {@link #KEEP} runs.
 */
public final class HookLog {
    static final int KEEP = 200;

    private HookLog() {
    }

    public static void record(Path stateDir, String hook, String session, String outcome) {
        try {
            Path file = stateDir.resolve("hooks.jsonl");
            List<String> lines = new ArrayList<>(Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of());
            ObjectNode line = Json.COMPACT.createObjectNode();
            line.put("time", Instant.now().toString());
            line.put("hook", hook);
            line.put("session", session);
            line.put("outcome", outcome);
            lines.add(Json.COMPACT.writeValueAsString(line));
            List<String> kept = lines.subList(Math.max(0, lines.size() - KEEP), lines.size());
            AtomicFiles.write(file, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            // a log that cannot be written must not fail the hook, nor the session
        }
    }
}
