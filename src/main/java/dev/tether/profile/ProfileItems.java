package dev.tether.profile;

import dev.tether.layout.Items;
import java.util.List;

/**
 * What a config profile holds: the Claude data dir's settings and the things a user writes by hand, which
 * a new machine needs and no sync of history brings. Never a credential; {@code settings.local.json} (a
 * project's local permissions and environment, often with keys in it) only when asked.
 */
public final class ProfileItems {
    /** The top-level names exported when present. */
    public static final List<String> NAMES =
            List.of("settings.json", "CLAUDE.md", "agents", "commands", "hooks", "skills", "rules", "output-styles");
    public static final String LOCAL_SETTINGS = "settings.local.json";
    /** The zip entry that describes the profile itself. */
    public static final String MANIFEST = "tether-profile.json";

    private ProfileItems() {
    }

    /** Whether {@code top} (a path's first name) belongs in a profile. */
    static boolean isProfileTop(String top, boolean includeLocal) {
        return NAMES.contains(top) || (includeLocal && top.equals(LOCAL_SETTINGS));
    }

    /** Why no name in {@code relative} (a profile path, names split by /) may be exported or imported, or null. */
    static String credentialIn(List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            boolean localSettingsAtTop = i == 0 && names.size() == 1 && n.equals(LOCAL_SETTINGS);
            if (!localSettingsAtTop && Items.isCredentialName(n)) {
                return "'" + n + "' is a credential's name; tether never copies one";
            }
        }
        return null;
    }
}
