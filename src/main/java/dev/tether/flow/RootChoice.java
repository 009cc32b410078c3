package dev.tether.flow;

import dev.tether.Failure;
import dev.tether.detect.Detection;
import dev.tether.detect.Provider;
import dev.tether.detect.SyncRoot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Setup's choice of sync root (docs/cli.md): {@code --sync-root} wins; else {@code --provider}; else the root
 * recorded by an earlier setup; else the single usable detected root. When several are left, the
 * {@link Picker} decides: the CLI asks on a terminal, and without one the run stops (exit 2) listing them.
 */
public final class RootChoice {
    /** Where the root came from, for the output. */
    public enum Source {
        OPTION("sync-root-option"), PROVIDER("provider"), RECORDED("recorded"), DETECTED("detected");

        private final String id;

        Source(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The chosen root and, for people, why it was chosen. */
    public record Chosen(String root, Source source, String because) {
    }

    /** Chooses one of several usable roots. */
    public interface Picker {
        SyncRoot pick(List<SyncRoot> roots) throws IOException;
    }

    /** Without a terminal nobody can choose: exit 2, listing the roots. */
    public static final Picker NO_TERMINAL = roots -> {
        throw new Failure.BadInput("several sync roots were found and there is no terminal to choose one; nothing was"
                + " changed. Found:\n" + list(roots), "tether setup --provider ID, or --sync-root DIR with one of them");
    };

    private RootChoice() {
    }

    /**
     * @param syncRootOption {@code --sync-root}, or null
     * @param provider {@code --provider}, or null
     * @param recorded the root of an earlier setup on this machine
     * @param detect runs detection (only when it is needed)
     */
    public static Chosen choose(String syncRootOption, Provider provider, Optional<String> recorded,
            Supplier<Detection> detect, Path claudeDir, Picker picker) throws IOException {
        if (syncRootOption != null) {
            return new Chosen(syncRootOption, Source.OPTION, "given with --sync-root");
        }
        if (provider != null) {
            List<SyncRoot> found = detect.get().of(provider);
            if (found.isEmpty()) {
                throw new Failure.BadInput("no " + provider.displayName() + " folder was found on this machine; nothing"
                        + " was changed", "tether detect -v shows where tether looked; name the folder with --sync-root DIR");
            }
            List<SyncRoot> usable = Detection.usable(found, claudeDir);
            if (usable.isEmpty()) {
                throw new Failure.BadInput(provider.displayName() + " was found, but setup cannot use its folder; nothing"
                        + " was changed:\n" + found.stream().map(r -> "  " + r.path() + " " + r.unusableBecause(claudeDir))
                        .collect(Collectors.joining("\n")), "tether setup --sync-root DIR");
            }
            return detected(usable, Source.PROVIDER, picker);
        }
        if (recorded.isPresent()) {
            return new Chosen(recorded.get(), Source.RECORDED, "recorded by the earlier setup");
        }
        List<SyncRoot> usable = Detection.usable(detect.get().roots(), claudeDir);
        if (usable.isEmpty()) {
            throw new Failure.BadInput("no sync root: this machine was never set up and no sync client's folder was found,"
                    + " so tether needs to know where your sync client's folder is. Nothing was changed",
                    "tether setup --sync-root DIR (tether detect -v shows where tether looked)");
        }
        return detected(usable, Source.DETECTED, picker);
    }

    private static Chosen detected(List<SyncRoot> usable, Source source, Picker picker) throws IOException {
        SyncRoot root = usable.size() == 1 ? usable.get(0) : picker.pick(usable);
        return new Chosen(root.path().toString(), source, root.describe());
    }

    /** The roots, one per line, for messages. */
    public static String list(List<SyncRoot> roots) {
        return roots.stream().map(r -> "  " + r.describe()).collect(Collectors.joining("\n"));
    }
}
