package dev.tether.verify;

import dev.tether.layout.Items;
import dev.tether.plan.Entry;
import dev.tether.plan.Observer;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code link.present}, {@code link.replaced}, {@code link.target}, {@code link.dangling} and
 * {@code link.chain}: every item tether linked is still the link it made, to a target that exists
 * and is reached without another link on the way. Items that exist but are not linked are reported
 * with the one command that links them: the items setup was asked for, and the default items even
 * when it was not (Claude Code creates {@code file-history/} at the first Edit, long after a setup
 * that found no such folder).
 */
final class LinkChecks implements Check {
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9._+@%=:,-]+");

    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        if (v.state().isEmpty()) {
            return List.of();
        }
        State state = v.state().get();
        List<Finding> out = new ArrayList<>();
        for (State.LinkedItem rec : state.items()) {
            out.addAll(checkLinked(v, rec));
        }
        Set<String> candidates = new LinkedHashSet<>(state.chosen());
        candidates.addAll(Items.DEFAULTS);
        List<Unlinked> unlinked = new ArrayList<>();
        for (String name : candidates) {
            if (state.item(name).isEmpty()) {
                Unlinked u = lookUnlinked(v, name, state.chosen().contains(name));
                if (u.where() == Where.NOWHERE) {
                    if (u.chosen()) {
                        out.add(Finding.info("link.present", name, u.path(), "absent (exists nowhere)", null));
                    }
                } else if (u.chosen() || u.where() == Where.HERE) {
                    unlinked.add(u);
                }
            }
        }
        String hint = linkHint(state, unlinked);
        for (Unlinked u : unlinked) {
            out.add(u.finding(hint));
        }
        return out;
    }

    private enum Where { HERE, SYNCED_ONLY, NOWHERE }

    /** An item that is not linked, where it exists, and whether setup was asked for it. */
    private record Unlinked(String name, String path, Where where, boolean chosen) {
        Finding finding(String hint) {
            if (where == Where.SYNCED_ONLY) {
                return Finding.info("link.present", name, path, "is in the synced folder but not linked here", hint);
            }
            String why = chosen ? "it appeared after setup" : "setup was not asked for it";
            return Finding.warn("link.present", name, path, "exists here but is not linked (" + why
                    + "); what Claude Code writes there stays on this machine", hint);
        }
    }

    private static Unlinked lookUnlinked(VerifyContext v, String name, boolean chosen) throws IOException {
        Path source = v.claudeDir().resolve(name);
        Entry local = Observer.look(source, false, v.ctx().platform());
        if (local.exists()) {
            return new Unlinked(name, source.toString(), Where.HERE, chosen);
        }
        Path synced = v.syncedFolder().orElseThrow().resolve(name);
        if (Files.exists(synced)) {
            return new Unlinked(name, synced.toString(), Where.SYNCED_ONLY, chosen);
        }
        return new Unlinked(name, source.toString(), Where.NOWHERE, chosen);
    }

    /**
     * The setup that links the unlinked items and keeps the linked ones: a plain {@code tether setup}
     * handles only the items linked before, so each item is named.
     */
    private static String linkHint(State state, List<Unlinked> unlinked) {
        StringBuilder hint = new StringBuilder("tether setup");
        for (State.LinkedItem linked : state.items()) {
            hint.append(" --item ").append(shellWord(linked.name()));
        }
        for (Unlinked u : unlinked) {
            hint.append(" --item ").append(shellWord(u.name()));
        }
        return hint.toString();
    }

    /** A name as one word of a POSIX shell command line. */
    static String shellWord(String name) {
        return PLAIN_WORD.matcher(name).matches() ? name : "'" + name.replace("'", "'\\''") + "'";
    }

    private static List<Finding> checkLinked(VerifyContext v, State.LinkedItem rec) throws IOException {
        String name = rec.name();
        Path source = v.claudeDir().resolve(name);
        Path target = v.ctx().fs().getPath(rec.target());
        Entry local = Observer.look(source, false, v.ctx().platform());
        String at = source.toString();
        if (!local.exists()) {
            return List.of(Finding.error("link.present", name, at, "missing locally; the data is still at " + target,
                    "tether setup (links it again)"));
        }
        if (!(local instanceof Entry.Link link)) {
            return List.of(Finding.error("link.replaced", name, at, "is a real " + kindOf(local) + " now, not the link to "
                    + target + " (an app or the sync client replaced it); its new data does not reach the synced copy",
                    "tether setup (merges it into the synced copy and links it again)"));
        }
        if (!link.target().equals(target)) {
            return List.of(Finding.error("link.target", name, at, "links to " + link.target() + ", not to the recorded "
                    + target, "point it back: remove the link, then run tether setup"));
        }
        if (!Files.exists(target)) {
            return List.of(Finding.error("link.dangling", name, at, "links to " + target + ", which does not exist:"
                    + " what Claude Code writes to " + name + " now is lost", SyncRootCheck.BRING_IT_BACK));
        }
        List<Finding> out = new ArrayList<>();
        out.add(Finding.ok("link.present", name, at, "linked to " + target));
        Path real = target.toRealPath();
        if (!real.equals(target)) {
            out.add(Finding.warn("link.chain", name, at, "the target " + target + " passes through another link (really "
                    + real + "); Claude Code's writers follow one link only",
                    "tether setup --sync-root with the sync root's real path"));
        }
        return out;
    }

    private static String kindOf(Entry e) {
        return e instanceof Entry.Data d ? d.kind().id() : "entry";
    }
}
