package dev.tether.plan;

import dev.tether.layout.Kind;
import java.nio.file.Path;

/** Decides per recorded item what unlink does. Pure, like {@link Planner}. */
public final class UnlinkPlanner {
    private UnlinkPlanner() {
    }

    /**
     * @param recordedTarget the target the state file recorded for the item
     * @param local what is at the item's path now
     * @param synced what is at the recorded target now
     */
    public static UnlinkAction decide(String item, Kind recordedKind, Path source, Path recordedTarget, Entry local, Entry synced,
            boolean sameDevice) {
        if (!(local instanceof Entry.Link link)) {
            String why = local.exists()
                    ? "it is a real " + (local instanceof Entry.Data d ? d.kind().id() : "entry")
                            + " now, not tether's link (an app replaced it); left as it is"
                    : "it is missing locally; nothing to restore here, the synced copy stays";
            return new UnlinkAction.Leave(item, recordedKind, source, recordedTarget, why);
        }
        if (!link.target().equals(recordedTarget)) {
            return new UnlinkAction.Leave(item, recordedKind, source, recordedTarget,
                    "it now links to " + link.target() + ", not to the recorded " + recordedTarget + "; left as it is");
        }
        if (synced instanceof Entry.Data d) {
            return new UnlinkAction.Restore(item, d.kind(), source, recordedTarget, !sameDevice, d.bytes(), d.files());
        }
        if (synced.exists()) {
            return new UnlinkAction.Leave(item, recordedKind, source, recordedTarget,
                    "the synced copy at " + recordedTarget + " is not a plain file or directory; left as it is");
        }
        return new UnlinkAction.TargetMissing(item, recordedKind, source, recordedTarget);
    }
}
