package dev.tether.verify;

import dev.tether.plan.Entry;
import dev.tether.plan.Observer;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code link.present}, {@code link.replaced}, {@code link.target}, {@code link.dangling} and
 * {@code link.chain}: every item tether linked is still the link it made, to a target that exists
 * and is reached without another link on the way; items setup was asked for but did not link are
 * reported when they exist.
 */
final class LinkChecks implements Check {
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
        for (String name : state.chosen()) {
            if (state.item(name).isEmpty()) {
                out.add(checkUnlinked(v, name));
            }
        }
        return out;
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
            return List.of(Finding.error("link.dangling", name, at, "links to " + target + ", which does not exist",
                    "tether setup --sync-root NEW (relinks to the synced folder's new place), or restore the folder"));
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

    private static Finding checkUnlinked(VerifyContext v, String name) throws IOException {
        Path source = v.claudeDir().resolve(name);
        Entry local = Observer.look(source, false, v.ctx().platform());
        Path synced = v.syncedFolder().orElseThrow().resolve(name);
        if (local.exists()) {
            return Finding.warn("link.present", name, source.toString(), "exists here but is not linked (it appeared after setup)",
                    "tether setup");
        }
        if (Files.exists(synced)) {
            return Finding.info("link.present", name, synced.toString(), "is in the synced folder but not linked here",
                    "tether setup");
        }
        return Finding.info("link.present", name, source.toString(), "absent (exists nowhere)", null);
    }

    private static String kindOf(Entry e) {
        return e instanceof Entry.Data d ? d.kind().id() : "entry";
    }
}
