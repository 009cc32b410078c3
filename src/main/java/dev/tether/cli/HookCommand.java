package dev.tether.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Failure;
import dev.tether.IoErrors;
import dev.tether.Main;
import dev.tether.archive.BackupResult;
import dev.tether.flow.BackupFlow;
import dev.tether.hooks.HookLog;
import dev.tether.hooks.SessionStartCheck;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tether hook session-start|session-end}: what Claude Code runs at the moments that matter (setup adds
 * both to settings.json). They read the hook's JSON on stdin, answer in the hook's JSON on stdout, never fail
 * the session (exit 0), and say what they did in {@code <state-dir>/hooks.jsonl}.
 */
@Command(name = "hook", mixinStandardHelpOptions = true,
        description = "Claude Code's hooks (setup adds them to settings.json): session-start shows one line in the session"
                + " when sessions would be lost; session-end archives the session that ended.")
public final class HookCommand {
    @ParentCommand
    Main main;

    @Command(name = "session-start", mixinStandardHelpOptions = true,
            description = "Silent when all is well; otherwise one line for the person starting the session (a dangling or"
                    + " replaced link, a pending run, a conflict copy, a retention that deletes synced sessions).")
    int sessionStart() {
        Session session = main.session();
        JsonNode input = readInput(); // what it says does not change the check, but the log names the session
        Optional<String> message;
        try {
            message = SessionStartCheck.run(session.ctx());
        } catch (IOException | RuntimeException e) {
            message = Optional.of("tether could not check its links: " + IoErrors.describe(e) + " (tether verify says more)");
        }
        message.ifPresent(m -> {
            ObjectNode out = Json.COMPACT.createObjectNode();
            out.put("systemMessage", m);
            main.environment().out().println(out.toString());
            HookLog.record(session.ctx().locations().stateDir(), "session-start", input.path("session_id").asText(null), m);
        });
        return 0;
    }

    @Command(name = "session-end", mixinStandardHelpOptions = true,
            description = "Archives the session that ended (its transcript, subagents, tool results, file history and"
                    + " tasks) into the recorded archive; skips at once when another backup holds the archive's lock.")
    int sessionEnd() {
        Session session = main.session();
        JsonNode input = readInput();
        String id = input.path("session_id").asText(null);
        String transcript = input.path("transcript_path").asText(null);
        if (id == null || transcript == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")
                || !transcript.endsWith(id + ".jsonl")) {
            HookLog.record(session.ctx().locations().stateDir(), "session-end", id,
                    "skipped: the hook's input names no session (session_id and a transcript_path ending in <session_id>.jsonl)");
            return 0;
        }
        String outcome;
        try {
            java.nio.file.Path path = session.ctx().fs().getPath(transcript);
            BackupResult r = new BackupFlow(session.ctx()).archiveSession(id, path);
            outcome = (java.nio.file.Files.exists(path) ? "archived: " : "the transcript " + transcript + " is missing (is the"
                    + " synced folder gone?); archived: ") + r.files() + " file(s), " + r.bytes() + " bytes"
                    + (r.unreadable().isEmpty() ? "" : "; could not read " + String.join("; ", r.unreadable()));
        } catch (Failure.Refused e) {
            outcome = "skipped: " + e.getMessage();
        } catch (IOException | RuntimeException e) {
            outcome = "failed: " + (e instanceof Failure f ? f.getMessage() : IoErrors.describe(e));
        }
        HookLog.record(session.ctx().locations().stateDir(), "session-end", id, outcome);
        return 0;
    }

    /** The hook's JSON document on stdin; an empty object when there is none or it is not JSON. */
    private JsonNode readInput() {
        try {
            byte[] bytes = main.environment().in().readAllBytes();
            JsonNode node = Json.COMPACT.readTree(new String(bytes, StandardCharsets.UTF_8));
            return node == null ? Json.COMPACT.createObjectNode() : node;
        } catch (IOException e) {
            return Json.COMPACT.createObjectNode();
        }
    }
}
