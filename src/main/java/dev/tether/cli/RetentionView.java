package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.plan.RetentionAction;
import dev.tether.retention.Retention;

/** Setup's retention line: for people, one line after the items (and its warning); in JSON, the {@code retention} object. */
final class RetentionView {
    private final String action;
    private final String settings;
    private final String detail;
    private final String warning;
    private final Retention now;

    private RetentionView(String action, String settings, String detail, String warning, Retention now) {
        this.action = action;
        this.settings = settings;
        this.detail = detail;
        this.warning = warning;
        this.now = now;
    }

    static RetentionView of(RetentionAction a) {
        return a.accept(new RetentionAction.Visitor<RetentionView>() {
            @Override
            public RetentionView retain(RetentionAction.Retain r) {
                return new RetentionView(r.name(), r.settings().toString(), (r.creates() ? "create " : "add to ")
                        + r.settings() + ": " + Retention.KEY + " " + Retention.KEEP_ALL + " (now " + r.now().describe()
                        + "), so Claude Code stops deleting old transcripts through the links", null, r.now());
            }

            @Override
            public RetentionView keep(RetentionAction.Keep k) {
                return new RetentionView(k.name(), null, Retention.KEY + " is " + k.now().describe() + (k.now().deletes()
                        ? "; tether leaves a chosen value as it is" : ": old transcripts are kept"), k.warning(), k.now());
            }

            @Override
            public RetentionView skip(RetentionAction.Skip s) {
                return new RetentionView(s.name(), null, "--no-retain: " + Retention.KEY + " stays " + s.now().describe(),
                        s.warning(), s.now());
            }

            @Override
            public RetentionView unreadable(RetentionAction.Unreadable u) {
                return new RetentionView(u.name(), u.settings().toString(), u.settings() + " is left untouched: " + u.reason(),
                        "Claude Code keeps deleting transcripts older than " + u.now().describe() + "; fix the file, then run"
                                + " tether setup again", u.now());
            }
        });
    }

    boolean warns() {
        return warning != null;
    }

    void print(Console console) {
        Console.Paint paint = switch (action) {
            case "retain" -> Console.Paint.CYAN;
            case "ok" -> warning == null ? Console.Paint.GREEN : Console.Paint.YELLOW;
            default -> Console.Paint.YELLOW;
        };
        console.say("  " + console.paint(String.format("%-8s ", action), paint) + "retention  " + detail);
        if (warning != null) {
            console.say("          " + console.paint("warning: ", Console.Paint.YELLOW) + warning);
        }
    }

    void toJson(ObjectNode doc, String result) {
        ObjectNode o = doc.putObject("retention");
        o.put("action", action);
        o.put("cleanupPeriodDays", now.days());
        o.put("source", now.source().name().toLowerCase(java.util.Locale.ROOT));
        o.put("settings", settings);
        o.put("message", detail);
        o.put("warning", warning);
        o.put("result", result);
    }
}
