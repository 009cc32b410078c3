package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.IoErrors;
import dev.tether.conflict.ConflictNames;
import dev.tether.conflict.ConflictScanner;
import dev.tether.conflict.ResolvePlan;
import dev.tether.conflict.Resolver;
import dev.tether.state.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code tether resolve}: find the conflict copies of the synced items, merge the JSONL ones into their
 * main file, set those copies aside under {@code <state-dir>/resolved/<UTC time>/}, and list the rest.
 */
public final class ResolveFlow {
    private static final DateTimeFormatter RUN_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** What a run did: the files merged, and the copies still there. */
    public record Outcome(List<Resolver.Merged> merged, List<ResolvePlan.Unresolved> unresolved, Path resolvedDir) {
    }

    private final Context ctx;
    private State state;

    public ResolveFlow(Context ctx) {
        this.ctx = ctx;
    }

    /** Scans the synced items of this machine's setup. Read-only. */
    public ResolvePlan plan() throws IOException {
        state = ctx.stateStore().load().orElseThrow(() -> new Failure.BadInput(
                "this machine was never set up, so there is no synced folder to look in; nothing was changed",
                "tether setup --sync-root DIR"));
        Path synced = ctx.fs().getPath(state.syncedFolder());
        if (!Files.isDirectory(synced)) {
            throw new Failure.BadInput("the synced folder " + synced + " is missing; nothing was changed",
                    "restore the folder, or run tether setup --sync-root NEW with its new place");
        }
        List<String> items = state.items().stream().map(State.LinkedItem::name).toList();
        ConflictScanner scanner = new ConflictScanner(new ConflictNames(ctx.machine().knownHostnames(synced)));
        return ResolvePlan.of(synced, scanner.scan(synced, items));
    }

    /** The merges the plan would make, with their line counts; writes nothing. */
    public List<Resolver.Merged> preview(ResolvePlan plan) throws IOException {
        Resolver resolver = new Resolver(plan.syncedFolder(), resolvedDir());
        List<Resolver.Merged> out = new ArrayList<>();
        for (ResolvePlan.Merge m : plan.merges()) {
            out.add(resolver.preview(m));
        }
        return out;
    }

    /** Merges once the guard clears it; the CLI calls this only after showing the plan and getting a yes. */
    public Outcome apply(ResolvePlan plan, Guard guard, boolean allowRunning) throws IOException {
        List<Resolver.Merged> merged = new ArrayList<>();
        List<ResolvePlan.Unresolved> unresolved = new ArrayList<>();
        Path resolvedDir = resolvedDir();
        if (plan.changesAnything()) {
            guard.clear(allowRunning);
            Resolver resolver = new Resolver(plan.syncedFolder(), resolvedDir);
            for (ResolvePlan.Merge m : plan.merges()) {
                Optional<Resolver.Merged> done = apply(resolver, m, merged);
                done.ifPresentOrElse(merged::add, () -> m.copies().forEach(c -> unresolved.add(new ResolvePlan.Unresolved(c,
                        "its main file " + m.main().getFileName() + " kept changing while it was merged, so it was left as it was",
                        "quit Claude Code (or wait for the sync client to finish), then run tether resolve again"))));
            }
            ctx.machine().write(state, "resolve");
        }
        unresolved.addAll(plan.unresolved());
        return new Outcome(merged, unresolved, resolvedDir);
    }

    private static Optional<Resolver.Merged> apply(Resolver resolver, ResolvePlan.Merge m, List<Resolver.Merged> before) {
        try {
            return resolver.apply(m);
        } catch (IOException e) {
            String earlier = before.isEmpty() ? "" : "; the files merged before it stay merged ("
                    + String.join(", ", before.stream().map(b -> b.main().getFileName().toString()).toList()) + ")";
            throw new Failure.RolledBack("merging " + m.main() + " failed: " + IoErrors.describe(e) + ". No line was lost: "
                    + m.main().getFileName() + " holds either its old lines or all of them, and every copy not yet set aside is"
                    + " still in place" + earlier, "fix the cause, then run tether resolve again (merging again is harmless)", e);
        }
    }

    private Path resolvedDir() {
        return ctx.locations().stateDir().resolve("resolved").resolve(RUN_TIME.format(Instant.now()));
    }
}
