package dev.tether.plan;

import dev.tether.platform.LinkKindDecision;
import dev.tether.platform.Platform;
import java.util.List;

/**
 * Refuses, while planning, every item that would end in a link this machine cannot make: on Windows
 * without symlink rights, a single file (a junction joins folders only) or a folder on a network path.
 * Refusing here keeps the promise that a refused item stops the run before anything changes.
 */
public final class LinkRights {
    private LinkRights() {
    }

    /** The actions, with each one that makes a link (move, link, merge, relink) refused when no allowed link reaches its target. */
    public static List<Action> refuseUnlinkable(List<Action> actions, Platform platform) {
        return actions.stream().map(a -> check(a, platform)).toList();
    }

    private static Action check(Action a, Platform platform) {
        if (!a.changes() || a.kind() == null) {
            return a;
        }
        if (platform.linkKindFor(a.kind(), a.target()) instanceof LinkKindDecision.Outcome.Refuse r) {
            return new Action.Refuse(a.item(), a.kind(), a.source(), a.target(), r.reason(), r.hint());
        }
        return a;
    }
}
