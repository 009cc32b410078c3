package dev.tether.verify;

import dev.tether.conflict.ConflictCopy;
import dev.tether.conflict.ConflictNames;
import dev.tether.conflict.ConflictScanner;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one walk of the synced folder that the checks reading all of it share: {@code conflict} (the
 * conflict copies of the items), {@code credentials.local} (credential files, and links leading to
 * them) and, with {@code --scan-secrets}, {@code secrets} (token-like strings in the text files). Made by
 * the first check that asks, then kept for the others of the same verify.
 */
final class SyncedWalk {
    /** What the walk saw. */
    record Result(List<ConflictCopy> conflicts, List<Finding> credentials, List<Finding> secrets) {
        static final Result NOTHING = new Result(List.of(), List.of(), List.of());
    }

    private Result result;
    private IOException failure;

    /** The walk's result for {@code v}, walking on the first call. A failed walk fails every check that asks. */
    synchronized Result of(VerifyContext v) throws IOException {
        if (result == null && failure == null) {
            try {
                result = walk(v);
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private static Result walk(VerifyContext v) throws IOException {
        Path synced = v.syncedFolder().orElse(null);
        if (synced == null || !Files.isDirectory(synced)) {
            return Result.NOTHING; // setup.state or sync.root already says why
        }
        List<String> items = v.state().orElseThrow().items().stream().map(State.LinkedItem::name).toList();
        ConflictScanner.Visitor conflicts = new ConflictScanner(new ConflictNames(v.ctx().machine().knownHostnames(synced)))
                .visitor(synced, items);
        CredentialsCheck.SyncedVisitor credentials = new CredentialsCheck.SyncedVisitor(CredentialsCheck.hint(v));
        if (!v.scanSecrets()) {
            FanOutWalk.walk(v.ctx().platform(), synced, List.of(conflicts, credentials));
            return new Result(conflicts.found(), credentials.findings(), List.of());
        }
        SecretsCheck.SyncedVisitor secrets = new SecretsCheck.SyncedVisitor(synced);
        FanOutWalk.walk(v.ctx().platform(), synced, List.of(conflicts, credentials, secrets));
        return new Result(conflicts.found(), credentials.findings(), secrets.findings());
    }
}
