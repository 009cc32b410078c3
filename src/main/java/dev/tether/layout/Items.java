package dev.tether.layout;

import dev.tether.Failure;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The items tether may link (direct children of the Claude data dir) and the deny-list of things it
 * never links, whatever it is asked. The deny-list is checked at plan time and again by {@code verify}.
 */
public final class Items {
    /** The items linked when none are named and none were linked before. */
    public static final List<String> DEFAULTS =
            List.of("history.jsonl", "projects", "file-history", ".archive", ".planning", "tasks");

    private static final Set<String> CREDENTIAL_NAMES =
            Set.of(".credentials.json", ".encryption_key", "settings.local.json", ".mcp.json");

    private Items() {
    }

    /** The kind an item is expected to have, when tether knows it. */
    public static Optional<Kind> expectedKind(String name) {
        if (name.equals("history.jsonl")) {
            return Optional.of(Kind.FILE);
        }
        if (DEFAULTS.contains(name)) {
            return Optional.of(Kind.DIR);
        }
        return Optional.empty();
    }

    /** True for a file name that holds credentials or secrets and must never leave this machine. */
    public static boolean isCredentialName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return CREDENTIAL_NAMES.contains(lower) || lower.contains("credential") || lower.contains("secret");
    }

    /**
     * Checks the requested item names; returns them without duplicates, in order.
     *
     * @param stateDirName the name of the state dir when it is a direct child of the Claude dir, else null
     * @throws Failure.BadInput for a forbidden or malformed name
     */
    public static List<String> validate(List<String> requested, String stateDirName) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : requested) {
            String why = whyForbidden(name, stateDirName);
            if (why != null) {
                throw new Failure.BadInput("item '" + name + "' cannot be linked: " + why + ". Nothing was changed.",
                        "tether setup --item NAME (a direct child of the Claude data dir, e.g. projects)");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }

    /** Why a name may not be an item, or null when it may. */
    public static String whyForbidden(String name, String stateDirName) {
        if (name == null || name.isBlank()) {
            return "the name is empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "it is not an item of the Claude data dir";
        }
        if (name.startsWith("/") || name.startsWith("\\") || name.startsWith("~") || (name.length() > 1 && name.charAt(1) == ':')) {
            return "absolute paths are not items; name a direct child of the Claude data dir";
        }
        if (name.contains("/") || name.contains("\\")) {
            return "nested paths are not items (Claude Code's /resume does not follow links below projects/;"
                    + " link 'projects' whole or not at all)";
        }
        if (name.indexOf('\0') >= 0) {
            return "the name contains a NUL character";
        }
        if (isCredentialName(name)) {
            return "it holds credentials or secrets, which never leave this machine";
        }
        if (name.equals(stateDirName)) {
            return "it is tether's own state dir";
        }
        return null;
    }
}
