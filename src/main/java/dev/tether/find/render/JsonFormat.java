package dev.tether.find.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.find.Block;
import dev.tether.find.BrokenLine;
import dev.tether.find.Entry;
import dev.tether.find.Origin;
import dev.tether.find.SessionSummary;
import dev.tether.find.TranscriptLine;
import dev.tether.state.Json;

/**
 * A session for {@code --json}: its summary's fields, {@code status}, and {@code messages}: one object
 * per line, in order (every line, whatever its type, so none is dropped): {@code line}, {@code type},
 * {@code uuid}, {@code timestamp}, {@code sidechain}, and for user and assistant lines {@code role}
 * and {@code content} blocks ({@code text}, {@code thinking}, {@code tool_use} with its input,
 * {@code tool_result} with its text, {@code image}, or the unknown type's name); {@code text} for
 * summary and system lines; {@code broken} with the reason for a line that is not JSON.
 * {@code subagents} holds each subagent's {@code name} and {@code messages}. Nothing is cut.
 */
public final class JsonFormat implements SessionFormat {
    private final ObjectNode session;
    private ArrayNode messages;

    /** Fills {@code session}, an object of the caller's document. */
    public JsonFormat(ObjectNode session) {
        this.session = session;
    }

    @Override
    public void begin(SessionSummary summary, Origin status) {
        session.setAll((ObjectNode) Json.COMPACT.valueToTree(summary));
        session.put("status", status.id());
        messages = session.putArray("messages");
    }

    @Override
    public void line(Entry entry, long number) {
        if (entry instanceof BrokenLine b) {
            if (!b.blank()) {
                messages.addObject().put("line", number).putNull("type").put("broken", b.reason());
            }
            return;
        }
        TranscriptLine line = (TranscriptLine) entry;
        ObjectNode m = messages.addObject();
        m.put("line", number).put("type", line.type()).put("uuid", line.uuid())
                .put("timestamp", line.timestamp() == null ? null : line.timestamp().toString()).put("sidechain", line.sidechain());
        if (line.isMessage() && line.message() != null) {
            m.put("role", line.message().role()).put("meta", line.meta());
            ArrayNode content = m.putArray("content");
            line.message().content().forEach(b -> block(content.addObject(), b));
        } else if ("summary".equals(line.type())) {
            m.put("text", line.text("summary"));
        } else if ("system".equals(line.type())) {
            m.put("subtype", line.text("subtype")).put("text", line.text("content"));
        } else if ("attachment".equals(line.type())) {
            m.set("attachment", line.json().path("attachment").deepCopy());
        }
    }

    private static void block(ObjectNode o, Block b) {
        if (b instanceof Block.Text t) {
            o.put("type", "text").put("text", t.text());
        } else if (b instanceof Block.Thinking t) {
            o.put("type", "thinking").put("text", t.text());
        } else if (b instanceof Block.ToolUse u) {
            JsonNode input = u.input();
            o.put("type", "tool_use").put("id", u.id()).put("name", u.name()).set("input", input == null ? null : input.deepCopy());
        } else if (b instanceof Block.ToolResult r) {
            o.put("type", "tool_result").put("toolUseId", r.toolUseId()).put("error", r.error()).put("text", r.text());
        } else if (b instanceof Block.Image i) {
            o.put("type", "image").put("mediaType", i.mediaType());
        } else if (b instanceof Block.Other other) {
            o.put("type", other.type());
        }
    }

    @Override
    public void beginSubagent(String name) {
        ArrayNode agents = session.has("subagents") ? (ArrayNode) session.get("subagents") : session.putArray("subagents");
        ObjectNode agent = agents.addObject();
        agent.put("name", name);
        messages = agent.putArray("messages");
    }

    @Override
    public void end() {
        if (!session.has("subagents")) {
            session.putArray("subagents");
        }
    }
}
