package dev.tether.hooks;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.conflict.ConflictNames;
import dev.tether.platform.Platform;
import dev.tether.retention.Retention;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code tether hook session-start} tells the person starting a session, in one line, or nothing when
 * all is well: a link that dangles (the session would be written nowhere), a link an app replaced, an
 * interrupted run, a conflict copy of the history waiting, or a retention that deletes synced transcripts.
 * Fast by design (it runs before every session): the recorded state, one link read per item, the journal,
 * the synced folder's top level and the settings; never a walk of the synced folder.
 */
public final class SessionStartCheck {
    private SessionStartCheck() {
    }

    public static Optional<String> run(Context ctx) throws IOException {
        Optional<State> state;
        try {
            state = ctx.stateStore().load();
        } catch (Failure.BadInput e) {
            return Optional.of("tether: " + e.getMessage() + " (" + e.hint() + ")");
        }
        if (state.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        Path synced = ctx.fs().getPath(state.get().syncedFolder());
        links(ctx.platform(), ctx.locations().claudeDir(), state.get(), synced, problems);
        ctx.journal().pending().ifPresent(p -> problems.add("an interrupted " + p.command() + " is pending (tether "
                + (p.command().equals("setup") ? "setup finishes it" : p.command() + " finishes it") + ")"));
        conflicts(ctx, synced, problems);
        Retention retention = ctx.retention();
        if (retention.deletes()) {
            problems.add("Claude Code will delete transcripts older than " + retention.describe() + ", through the links for"
                    + " every machine (tether setup sets " + Retention.KEY + " " + Retention.KEEP_ALL + " where nobody chose one)");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of("tether: " + String.join("; ", problems));
    }

    private static void links(Platform platform, Path claudeDir, State state, Path synced, List<String> problems)
            throws IOException {
        boolean folderGone = !Files.isDirectory(synced);
        if (folderGone) {
            problems.add("the synced folder " + synced + " is missing, so this session is written nowhere and will be lost"
                    + " (restore the folder, or tether setup --sync-root NEW)");
        }
        for (State.LinkedItem item : state.items()) {
            Path at = claudeDir.resolve(item.name());
            Optional<Platform.Link> link = platform.readLink(at);
            if (link.isEmpty()) {
                problems.add(Files.exists(at, LinkOption.NOFOLLOW_LINKS)
                        ? item.name() + " is no longer tether's link, so what this session writes there does not reach the"
                                + " synced folder (tether setup merges it back)"
                        : item.name() + " is missing (tether setup links it again)");
            } else if (!folderGone && !Files.exists(link.get().target())) {
                problems.add(item.name() + " links to " + link.get().target() + ", which is gone, so this session's "
                        + item.name() + " is written nowhere (tether setup --sync-root NEW)");
            }
        }
    }

    /** Conflict copies at the synced folder's top level (the history's): one directory read, no walk. */
    private static void conflicts(Context ctx, Path synced, List<String> problems) {
        if (!Files.isDirectory(synced)) {
            return;
        }
        ConflictNames names = new ConflictNames(ctx.machine().knownHostnames(synced));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(synced)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean copy = names.candidates(name).stream().anyMatch(m -> !m.needsOriginal()
                        || Files.exists(synced.resolve(m.original())));
                if (copy) {
                    problems.add("a sync-conflict copy " + name + " waits to be merged (tether resolve)");
                    return;
                }
            }
        } catch (IOException e) {
            // the links above already say what is wrong with the folder
        }
    }
}
