package dev.tether.profile;

import java.util.List;

/**
 * {@code tether-profile.json} inside the zip: what made it, and which files are executable. A zip entry
 * made by {@code java.util.zip} carries no file mode, and a hook script that lost its executable bit
 * would stop working on the new machine.
 */
public record ProfileManifest(int schema, String createdBy, String createdAt, List<String> executable) {
    public ProfileManifest {
        executable = executable == null ? List.of() : List.copyOf(executable);
    }
}
