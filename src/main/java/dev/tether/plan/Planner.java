package dev.tether.plan;

import dev.tether.layout.Kind;
import java.util.List;
import java.util.Optional;

/** Turns observations into setup actions. Pure: no disk, no clock, so every decision is unit-tested. */
public final class Planner {
    private Planner() {
    }

    public static List<Action> decide(List<Observation> observations) {
        return observations.stream().map(Planner::decide).toList();
    }

    public static Action decide(Observation o) {
        Entry local = o.local();
        Entry synced = o.synced();
        Kind kind = kindOf(local).or(() -> kindOf(synced)).orElse(o.expectedKind().orElse(null));

        if (synced instanceof Entry.Link) {
            return refuse(o, kind, "the synced folder holds a link at " + o.target()
                    + "; tether never follows links found in the synced folder", "remove that link, then run tether setup");
        }
        if (synced instanceof Entry.Unsupported u) {
            return refuse(o, kind, "the synced copy is " + u.what(), null);
        }
        if (local instanceof Entry.Unsupported u) {
            return refuse(o, kind, "the local item is " + u.what(), null);
        }
        if (local instanceof Entry.Link link) {
            return decideLink(o, kind, link);
        }
        Optional<String> wrongKind = wrongKind(o, local).or(() -> wrongKind(o, synced));
        if (wrongKind.isPresent()) {
            return refuse(o, kind, wrongKind.get(), null);
        }
        if (local instanceof Entry.Missing) {
            return synced.exists()
                    ? new Action.Link(o.item(), kind, o.source(), o.target())
                    : new Action.Absent(o.item(), kind, o.source(), o.target());
        }
        Entry.Data data = (Entry.Data) local;
        if (synced instanceof Entry.Data d) {
            if (d.kind() != data.kind()) {
                return refuse(o, kind, "it is a " + data.kind().id() + " here but a " + d.kind().id() + " in the synced folder",
                        "look at both, move one aside, then run tether setup");
            }
            return new Action.Merge(o.item(), data.kind(), o.source(), o.target(), data.bytes(), data.files(),
                    o.recordedTarget().isPresent());
        }
        return new Action.Move(o.item(), data.kind(), o.source(), o.target(), !o.sameDevice(), data.bytes(), data.files());
    }

    private static Action decideLink(Observation o, Kind kind, Entry.Link link) {
        boolean pointsAtTarget = link.target().equals(o.target()) || link.resolved().map(o.target()::equals).orElse(false);
        if (pointsAtTarget && o.synced() instanceof Entry.Data) {
            Optional<String> wrongKind = wrongKind(o, o.synced());
            return wrongKind.<Action>map(w -> refuse(o, kind, w, null))
                    .orElseGet(() -> new Action.Ok(o.item(), kind, o.source(), o.target()));
        }
        if (pointsAtTarget) {
            return refuse(o, kind, "it links to " + o.target() + ", which does not exist (was the synced folder moved or deleted?)",
                    "restore the synced folder, or run tether setup --sync-root with the folder's new place");
        }
        if (!link.targetExists() && o.synced() instanceof Entry.Data d) {
            Optional<String> wrongKind = wrongKind(o, d);
            return wrongKind.<Action>map(w -> refuse(o, kind, w, null))
                    .orElseGet(() -> new Action.Relink(o.item(), d.kind(), o.source(), link.target(), o.target()));
        }
        if (!link.targetExists()) {
            return refuse(o, kind, "it is a dangling link to " + link.target() + ", and the synced folder has no " + o.item()
                    + " either", "restore " + link.target() + " (or give the sync root it moved to with --sync-root), then run tether setup");
        }
        return refuse(o, kind, "it is a link to another place, " + link.target() + "; tether leaves links it did not make alone",
                "remove the link (or move its data back), then run tether setup");
    }

    private static Optional<String> wrongKind(Observation o, Entry e) {
        if (e instanceof Entry.Data d && o.expectedKind().isPresent() && o.expectedKind().get() != d.kind()) {
            String where = e == o.local() ? o.source().toString() : o.target().toString();
            return Optional.of("a " + d.kind().id() + " is at " + where + " where a " + o.expectedKind().get().id() + " is expected");
        }
        return Optional.empty();
    }

    private static Optional<Kind> kindOf(Entry e) {
        return e instanceof Entry.Data d ? Optional.of(d.kind()) : Optional.empty();
    }

    private static Action.Refuse refuse(Observation o, Kind kind, String reason, String hint) {
        return new Action.Refuse(o.item(), kind, o.source(), o.target(), reason, hint);
    }
}
