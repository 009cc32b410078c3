package dev.tether.profile;

import dev.tether.Failure;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code tether config import} would do, per zip entry, decided before anything is written, and which
 * files the manifest marks executable. A value: printed for {@code --dry-run}, applied by
 * {@link ImportApplier}, tested without a disk.
 */
public record ImportPlan(List<Step> steps, Set<String> executable) {

    /** What happens to one entry. */
    public enum Action {
        /** Nothing there yet: the file is written. */
        CREATE,
        /** The same bytes are there already: nothing to do. */
        SAME,
        /** Different bytes are there and {@code --force} was given: the current file is kept aside, the new one written. */
        REPLACE,
        /** Different bytes are there and no {@code --force}: the import stops. */
        CONFLICT,
        /** Left out on purpose ({@code settings.local.json} without {@code --include-local}). */
        SKIP,
        /** Unsafe or not part of a profile: the import stops. */
        REFUSE;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One entry's step: its name in the zip, the action, why (for every action but create and same), and the entry. */
    public record Step(String name, Action action, String reason, ProfileArchive.Entry entry) {
    }

    public ImportPlan {
        steps = List.copyOf(steps);
        executable = Set.copyOf(executable);
    }

    public List<Step> with(Action action) {
        return steps.stream().filter(s -> s.action() == action).toList();
    }

    /** The steps that write: create and replace. */
    public List<Step> writes() {
        return steps.stream().filter(s -> s.action() == Action.CREATE || s.action() == Action.REPLACE).toList();
    }

    /**
     * Throws when the plan may not be applied: any refusal (exit 2, nothing written), or a conflict
     * without {@code --force} (exit 2 as well, naming the flag).
     */
    public void requireApplicable() {
        List<Step> refused = with(Action.REFUSE);
        if (!refused.isEmpty()) {
            throw new Failure.BadInput("the profile holds entries tether will not import: " + list(refused)
                    + ". Nothing was written", "import only a zip made by tether config export");
        }
        List<Step> conflicts = with(Action.CONFLICT);
        if (!conflicts.isEmpty()) {
            throw new Failure.BadInput("the profile would overwrite files that differ: " + conflicts.stream().map(Step::name)
                    .collect(Collectors.joining(", ")) + ". Nothing was written",
                    "tether config import FILE --force (the current files are kept under the state dir's kept/ folder)");
        }
    }

    private static String list(List<Step> steps) {
        return steps.stream().map(s -> "'" + s.name() + "' (" + s.reason() + ")").collect(Collectors.joining(", "));
    }
}
