package dev.tether.detect;

import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder a sync client syncs, as {@code tether detect} reports it.
 *
 * @param source the file, variable or registry key that named it (null for a default path)
 * @param account the account or folder label, when the client says (null otherwise)
 * @param sameFilesystem on the same filesystem as the Claude data dir, so moving an item there is a rename
 * @param onlineOnlyPossible the client can keep files here as online-only placeholders (macOS File
 *     Provider, Windows Cloud Files, virtual drives)
 */
public record SyncRoot(Provider provider, Path path, FoundBy foundBy, String source, String account, boolean exists,
        boolean writable, boolean sameFilesystem, boolean onlineOnlyPossible) {

    /** Looks at the folder a detector named. */
    static SyncRoot inspect(Candidate c, DetectContext ctx) {
        Path path = c.path();
        boolean exists = Files.isDirectory(path);
        return new SyncRoot(c.provider(), path, c.foundBy(), c.source(), c.account(), exists,
                exists && Files.isWritable(path), sameFilesystem(path, ctx.claudeDir()),
                c.onlineOnly() || fileProvider(path, ctx) || CloudFilesRoots.covers(ctx, path));
    }

    /** Why setup cannot use this root, or null when it can. */
    public String unusableBecause(Path claudeDir) {
        if (!exists) {
            return "does not exist";
        }
        if (!writable) {
            return "is not writable";
        }
        if (claudeDir.startsWith(path)) {
            return "contains the Claude data dir";
        }
        if (path.startsWith(claudeDir)) {
            return "is inside the Claude data dir";
        }
        return null;
    }

    /** One line for people: {@code dropbox  /home/me/Dropbox  (personal; config-file /home/me/.dropbox/info.json)}. */
    public String describe() {
        return provider.id() + "  " + path + "  (" + (account == null ? "" : account + "; ") + foundBy.id()
                + (source == null ? "" : " " + source) + ")";
    }

    /** macOS File Provider locations: files there can be evicted to dataless placeholders. */
    private static boolean fileProvider(Path path, DetectContext ctx) {
        return ctx.os() == Os.MACOS && (path.startsWith(ctx.cloudStorage())
                || path.startsWith(ctx.home().resolve("Library").resolve("Mobile Documents")));
    }

    /** Compares the file stores of the nearest existing ancestors (a root may not exist yet). */
    private static boolean sameFilesystem(Path a, Path b) {
        try {
            Path ea = existingAncestor(a);
            Path eb = existingAncestor(b);
            return ea != null && eb != null && Files.getFileStore(ea).equals(Files.getFileStore(eb));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path existingAncestor(Path p) {
        Path at = p.toAbsolutePath();
        while (at != null && !Files.exists(at)) {
            at = at.getParent();
        }
        return at;
    }
}
