package dev.tether.platform;

import dev.tether.layout.Kind;
import java.util.Optional;

/**
 * Which link an item gets: a symbolic link wherever this account may make one; else, for a directory,
 * a junction (Windows needs no right for it); else nothing, and the item is refused with what to turn
 * on. Never a hard link: a cloud root refuses them (Proton registers HardlinkPolicy None) and the first
 * atomic-rename writer splits one into two files. A pure table, tested for every combination.
 */
public final class LinkKindDecision {
    static final String DEVELOPER_MODE_HINT = "turn on Developer Mode (Windows 11: Settings > System > For developers;"
            + " Windows 10: Settings > Update & Security > For developers), open a new terminal and run tether setup again;"
            + " or run it once from a terminal opened with Run as administrator; or leave this item out with --item";

    private LinkKindDecision() {
    }

    /** What this account may do about symbolic links. */
    public enum SymlinkRights {
        /** Linux and macOS: any user may make one. */
        ANY_USER,
        /** Windows, a process holding SeCreateSymbolicLinkPrivilege: elevated, or granted the right by policy. */
        PRIVILEGED,
        /** Windows 10 1703 or later with Developer Mode on: SYMBOLIC_LINK_FLAG_ALLOW_UNPRIVILEGED_CREATE works. */
        DEVELOPER_MODE,
        /** Windows, neither: CreateSymbolicLinkW fails with ERROR_PRIVILEGE_NOT_HELD. */
        NONE;

        public boolean allowed() {
            return this != NONE;
        }
    }

    /** The decision: make a link of some kind, or refuse the item. */
    public sealed interface Outcome {
        /** Make a link of this kind. */
        record Make(LinkKind kind) implements Outcome {
        }

        /** No allowed link reaches this item; {@code hint} says how to allow one. */
        record Refuse(String reason, String hint) implements Outcome {
        }
    }

    /**
     * @param junctionProblem why a junction cannot reach the target (a network path...), empty when it can
     */
    public static Outcome decide(Kind kind, SymlinkRights rights, Optional<String> junctionProblem) {
        if (rights.allowed()) {
            return new Outcome.Make(LinkKind.SYMLINK);
        }
        if (kind == Kind.FILE) {
            return new Outcome.Refuse("this Windows account may not make symbolic links, and a single file can be linked by"
                    + " nothing else (a junction joins folders only; tether never makes a hard link into a cloud folder);"
                    + " the item stays unlinked", DEVELOPER_MODE_HINT);
        }
        if (junctionProblem.isPresent()) {
            return new Outcome.Refuse("this Windows account may not make symbolic links, and " + junctionProblem.get(),
                    DEVELOPER_MODE_HINT);
        }
        return new Outcome.Make(LinkKind.JUNCTION);
    }

    /** The kind to make, or the refusal as a typed exception. */
    static LinkKind kindOrThrow(Outcome outcome) throws LinkNotPossibleException {
        if (outcome instanceof Outcome.Refuse r) {
            throw new LinkNotPossibleException(r.reason(), r.hint());
        }
        return ((Outcome.Make) outcome).kind();
    }
}
