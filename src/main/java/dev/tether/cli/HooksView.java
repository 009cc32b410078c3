package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.plan.HooksAction;

/** Setup's hooks line: for people, one line after the retention line; in JSON, the {@code hooks} object. */
final class HooksView {
    private final String action;
    private final String detail;

    private HooksView(String action, String detail) {
        this.action = action;
        this.detail = detail;
    }

    static HooksView of(HooksAction a) {
        return a.accept(new HooksAction.Visitor<HooksView>() {
            @Override
            public HooksView add(HooksAction.Add add) {
                return new HooksView("add", "add to " + add.settings() + ": SessionStart runs tether hook session-start (a"
                        + " warning in the session when sessions would be lost), SessionEnd runs tether hook session-end"
                        + " (archives the session); the hooks already there stay");
            }

            @Override
            public HooksView ok(HooksAction.Ok ok) {
                return new HooksView("ok", "tether's SessionStart and SessionEnd hooks are in " + ok.settings());
            }

            @Override
            public HooksView skip(HooksAction.Skip skip) {
                return new HooksView("skip", skip.reason());
            }
        });
    }

    void print(Console console) {
        Console.Paint paint = switch (action) {
            case "add" -> Console.Paint.CYAN;
            case "ok" -> Console.Paint.GREEN;
            default -> Console.Paint.DIM;
        };
        console.say("  " + console.paint(String.format("%-8s ", action), paint) + "hooks      " + detail);
    }

    void toJson(ObjectNode doc, String result) {
        ObjectNode o = doc.putObject("hooks");
        o.put("action", action);
        o.put("message", detail);
        o.put("result", result);
    }
}
