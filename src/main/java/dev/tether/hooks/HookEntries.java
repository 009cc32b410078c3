package dev.tether.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * tether's two entries in {@code settings.json}'s {@code hooks}: {@code SessionStart} runs
 * {@code tether hook session-start}, {@code SessionEnd} runs {@code tether hook session-end}. Each is a
 * matcher group of its own ({@code {"hooks": [{"type": "command", "command": ..., "timeout": ...}]}}) appended after the
 * user's groups, so the user's hooks stay as they are and in their order. tether's entries are recognised
 * by their command (a program named {@code tether}, or {@code java -jar .../tether...jar}, running
 * {@code hook session-start} or {@code hook session-end}), so a second setup never adds them twice and a
 * moved tether gets its entry updated in place. Pure edits of a parsed settings object.
 */
public final class HookEntries {
    public static final String START_EVENT = "SessionStart";
    public static final String END_EVENT = "SessionEnd";
    public static final String START = "hook session-start";
    public static final String END = "hook session-end";
    /**
     * Seconds each may run. Claude Code 2.1.332 gives all SessionEnd hooks 1.5 s together unless an entry
     * says more (then up to 60 s), and kills them after it: too little for a JVM start, or for archiving a
     * large session. SessionStart hooks do not hold the session up, but one that hangs should not run long.
     */
    static final int START_TIMEOUT = 10;
    static final int END_TIMEOUT = 30;

    private HookEntries() {
    }

    /** Whether {@code command} is one of tether's hook commands for {@code subcommand}. */
    static boolean isTethers(String command, String subcommand) {
        String c = command.strip();
        if (!c.endsWith(" " + subcommand)) {
            return false;
        }
        String lower = c.toLowerCase(Locale.ROOT);
        String program = lower.substring(0, lower.length() - subcommand.length()).strip();
        return program.matches(".*(^|[/\\\\'\" ])tether(\\.exe)?['\"]?( --[a-z-]+ ('[^']*'|\"[^\"]*\"|\\S+))*")
                || program.matches(".*-jar ['\"]?\\S*tether\\S*\\.jar['\"]?( --[a-z-]+ ('[^']*'|\"[^\"]*\"|\\S+))*");
    }

    /** Whether tether's entries are there with exactly these commands and tether's time limits. */
    public static boolean present(JsonNode settings, String start, String end) {
        return entry(settings, START_EVENT, START).filter(h -> isExactly(h, start, START_TIMEOUT)).isPresent()
                && entry(settings, END_EVENT, END).filter(h -> isExactly(h, end, END_TIMEOUT)).isPresent();
    }

    private static boolean isExactly(JsonNode hook, String command, int timeout) {
        return hook.path("command").asText("").equals(command) && hook.path("timeout").asInt(-1) == timeout;
    }

    /** Whether any of tether's entries is there, whatever its command. */
    public static boolean any(JsonNode settings) {
        return command(settings, START_EVENT, START).isPresent() || command(settings, END_EVENT, END).isPresent();
    }

    private static java.util.Optional<String> command(JsonNode settings, String event, String subcommand) {
        return entry(settings, event, subcommand).map(h -> h.path("command").asText(""));
    }

    private static java.util.Optional<JsonNode> entry(JsonNode settings, String event, String subcommand) {
        for (JsonNode group : settings.path("hooks").path(event)) {
            for (JsonNode hook : group.path("hooks")) {
                if (isTethers(hook.path("command").asText(""), subcommand)) {
                    return java.util.Optional.of(hook);
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Adds (or updates) tether's two entries; every other hook stays as it is. */
    public static void add(ObjectNode settings, String start, String end) {
        ObjectNode hooks = settings.has("hooks") && settings.get("hooks").isObject() ? (ObjectNode) settings.get("hooks")
                : settings.putObject("hooks");
        put(hooks, START_EVENT, START, start, START_TIMEOUT);
        put(hooks, END_EVENT, END, end, END_TIMEOUT);
    }

    private static void put(ObjectNode hooks, String event, String subcommand, String command, int timeout) {
        ArrayNode groups = hooks.has(event) && hooks.get(event).isArray() ? (ArrayNode) hooks.get(event) : hooks.putArray(event);
        for (JsonNode group : groups) {
            for (JsonNode hook : group.path("hooks")) {
                if (hook.isObject() && isTethers(hook.path("command").asText(""), subcommand)) {
                    ((ObjectNode) hook).put("command", command);
                    ((ObjectNode) hook).put("timeout", timeout);
                    return;
                }
            }
        }
        ObjectNode group = groups.addObject();
        ObjectNode hook = group.putArray("hooks").addObject();
        hook.put("type", "command");
        hook.put("command", command);
        hook.put("timeout", timeout);
    }

    /**
     * Removes tether's entries and only them; a group or event list that held nothing but tether's goes with
     * them, and so does the {@code hooks} object when it is left empty and {@code madeHooks} (setup made it).
     */
    public static void remove(ObjectNode settings, boolean madeHooks) {
        if (!(settings.get("hooks") instanceof ObjectNode hooks)) {
            return;
        }
        for (String event : List.of(START_EVENT, END_EVENT)) {
            String subcommand = event.equals(START_EVENT) ? START : END;
            if (!(hooks.get(event) instanceof ArrayNode groups)) {
                continue;
            }
            boolean removed = false;
            for (Iterator<JsonNode> g = groups.elements(); g.hasNext(); ) {
                JsonNode group = g.next();
                if (!(group.get("hooks") instanceof ArrayNode list)) {
                    continue;
                }
                for (Iterator<JsonNode> h = list.elements(); h.hasNext(); ) {
                    if (isTethers(h.next().path("command").asText(""), subcommand)) {
                        h.remove();
                        removed = true;
                    }
                }
                if (removed && list.isEmpty()) {
                    g.remove();
                }
            }
            if (removed && groups.isEmpty()) {
                hooks.remove(event);
            }
        }
        if (hooks.isEmpty() && madeHooks) {
            settings.remove("hooks");
        }
    }
}
