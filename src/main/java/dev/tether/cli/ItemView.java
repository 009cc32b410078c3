package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.flow.Sizes;
import dev.tether.layout.Kind;
import dev.tether.plan.Action;
import dev.tether.plan.UnlinkAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the items of a setup or unlink plan: as an aligned table for people and as the {@code items}
 * array of the JSON document. One row per item, whatever the command.
 */
final class ItemView {
    /** One item as shown: its action, kind, paths, a human detail, and the result so far. */
    record Row(String name, Kind kind, String action, Path source, Path target, String detail, String hint, Boolean crossDevice) {
    }

    private final List<Row> rows;

    private ItemView(List<Row> rows) {
        this.rows = rows;
    }

    static ItemView ofSetup(List<Action> actions) {
        List<Row> rows = new ArrayList<>();
        for (Action a : actions) {
            rows.add(a.accept(new Action.Visitor<Row>() {
                @Override
                public Row move(Action.Move m) {
                    return row(m, "to " + m.target() + (m.crossDevice()
                            ? " (another filesystem: copy " + Sizes.human(Math.max(0, m.bytes())) + " in " + m.files()
                                    + " file(s), verify, then remove the original)"
                            : " (same filesystem: one rename)"), null, m.crossDevice());
                }

                @Override
                public Row link(Action.Link l) {
                    return row(l, "to " + l.target() + " (already in the synced folder)", null, null);
                }

                @Override
                public Row merge(Action.Merge m) {
                    return row(m, "merge into " + m.target()
                            + (m.readopt() ? " (tether linked it before; an app replaced the link)" : "")
                            + ": files only here move in, identical ones are dropped, JSONL files are united line by line,"
                            + " other differences keep the synced version and this one is kept aside", null, null);
                }

                @Override
                public Row relink(Action.Relink r) {
                    return row(r, "re-point from " + r.previousTarget() + " (gone) to " + r.target(), null, null);
                }

                @Override
                public Row ok(Action.Ok o) {
                    return row(o, "already linked to " + o.target(), null, null);
                }

                @Override
                public Row absent(Action.Absent a) {
                    return row(a, "exists nowhere", null, null);
                }

                @Override
                public Row refuse(Action.Refuse r) {
                    return row(r, r.reason(), r.hint(), null);
                }
            }));
        }
        return new ItemView(rows);
    }

    private static Row row(Action a, String detail, String hint, Boolean crossDevice) {
        return new Row(a.item(), a.kind(), a.name(), a.source(), a.target(), detail, hint, crossDevice);
    }

    static ItemView ofUnlink(List<UnlinkAction> actions, boolean removeSynced) {
        List<Row> rows = new ArrayList<>();
        for (UnlinkAction a : actions) {
            rows.add(a.accept(new UnlinkAction.Visitor<Row>() {
                @Override
                public Row restore(UnlinkAction.Restore r) {
                    String detail = (removeSynced ? "move back from " : "copy back from ") + r.target()
                            + (removeSynced ? "" : " (the synced copy stays for other machines)");
                    return new Row(r.item(), r.kind(), r.name(), r.source(), r.target(), detail, null, r.crossDevice());
                }

                @Override
                public Row leave(UnlinkAction.Leave l) {
                    return new Row(l.item(), l.kind(), l.name(), l.source(), l.target(), l.reason(), null, null);
                }

                @Override
                public Row missing(UnlinkAction.TargetMissing m) {
                    return new Row(m.item(), m.kind(), m.name(), m.source(), m.target(),
                            "the synced data at " + m.target() + " is gone; the link stays", null, null);
                }
            }));
        }
        return new ItemView(rows);
    }

    void print(Console console, String title) {
        console.say(console.paint(title, Console.Paint.BOLD));
        if (rows.isEmpty()) {
            console.say("  (no items)");
            return;
        }
        int nameWidth = rows.stream().mapToInt(r -> r.name().length()).max().orElse(4);
        for (Row r : rows) {
            String action = String.format("%-8s", r.action());
            console.say("  " + console.paint(action, paintOf(r.action())) + String.format("%-" + nameWidth + "s  %-4s  ", r.name(),
                    r.kind() == null ? "" : r.kind().id()) + r.detail());
            if (r.hint() != null) {
                console.say("  " + " ".repeat(8 + nameWidth + 8) + "fix: " + r.hint());
            }
        }
    }

    /** Writes the {@code items} array; {@code resultOf} gives each item's result. */
    void toJson(ObjectNode doc, java.util.function.Function<Row, String> resultOf) {
        ArrayNode items = doc.putArray("items");
        for (Row r : rows) {
            ObjectNode o = items.addObject();
            o.put("name", r.name());
            o.put("kind", r.kind() == null ? null : r.kind().id());
            o.put("action", r.action());
            o.put("source", r.source().toString());
            o.put("target", r.target().toString());
            o.put("result", resultOf.apply(r));
            o.put("message", r.detail());
            if (r.crossDevice() != null) {
                o.put("crossDevice", r.crossDevice());
            }
        }
    }

    private static Console.Paint paintOf(String action) {
        return switch (action) {
            case "ok" -> Console.Paint.GREEN;
            case "absent" -> Console.Paint.DIM;
            case "refuse", "missing" -> Console.Paint.RED;
            case "leave" -> Console.Paint.YELLOW;
            default -> Console.Paint.CYAN;
        };
    }
}
