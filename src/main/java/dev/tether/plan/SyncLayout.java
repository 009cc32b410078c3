package dev.tether.plan;

import dev.tether.Failure;
import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The three places a setup run works in, resolved and checked before anything is planned: the Claude
 * data dir, the sync root and the synced folder inside it. Paths are fully resolved (no link in the
 * middle), because the links tether makes must point at real paths.
 */
public record SyncLayout(Path claudeDir, Path syncRoot, Path syncedFolder, Path stateDir) {

    public static final String DEFAULT_FOLDER = ".claude-session-backup";

    /** Resolves and checks the layout; throws {@link Failure.BadInput} when it is unsafe. */
    public static SyncLayout resolve(Path claudeDir, Path syncRoot, String folder, Path stateDir) {
        checkFolderName(folder);
        if (!Files.isDirectory(claudeDir)) {
            throw new Failure.BadInput("there is no Claude data dir at " + claudeDir + "; nothing was changed",
                    "point tether at it with --claude-dir DIR (or CLAUDE_CONFIG_DIR)");
        }
        if (!Files.isDirectory(syncRoot)) {
            throw new Failure.BadInput("the sync root " + syncRoot + " does not exist or is not a directory; nothing was changed",
                    "tether setup --sync-root DIR with the folder your sync client syncs");
        }
        Path claude = real(claudeDir);
        Path root = real(syncRoot);
        if (root.startsWith(claude)) {
            throw new Failure.BadInput("the sync root " + root + " is inside the Claude data dir " + claude
                    + "; nothing was changed", "choose a sync root outside " + claude);
        }
        if (claude.startsWith(root)) {
            throw new Failure.BadInput("the Claude data dir " + claude + " is inside the sync root " + root
                    + "; the sync client would already sync it, credentials included. Nothing was changed",
                    "choose a sync root that does not contain " + claude);
        }
        Path synced = root.resolve(folder);
        if (Links.isLink(synced)) {
            throw new Failure.BadInput("the synced folder " + synced + " is a link; tether needs a real folder there."
                    + " Nothing was changed", "replace the link by the folder it points at, or use --folder NAME");
        }
        Path state = stateDir.toAbsolutePath().normalize();
        Path stateReal = Files.exists(state) ? real(state) : state;
        if (stateReal.startsWith(root)) {
            throw new Failure.BadInput("the state dir " + stateReal + " is inside the sync root " + root
                    + "; it must stay on this machine. Nothing was changed", "use --state-dir DIR outside the sync root");
        }
        return new SyncLayout(claude, root, synced, state);
    }

    private static void checkFolderName(String folder) {
        if (folder == null || folder.isBlank() || folder.equals(".") || folder.equals("..")
                || folder.contains("/") || folder.contains("\\")) {
            throw new Failure.BadInput("--folder must be a single folder name inside the sync root, not '" + folder + "'", null);
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            throw new Failure.BadInput(p + " cannot be read: " + e.getMessage() + "; nothing was changed", null);
        }
    }
}
