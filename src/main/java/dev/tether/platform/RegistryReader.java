package dev.tether.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to the Windows registry as plain strings, so that what tether reads from it (where
 * OneDrive, Google Drive and the Cloud Files providers keep their folders) is tested with a map on any
 * OS. Every method answers "nothing" for a missing key; none of them throws.
 */
public interface RegistryReader {
    /** The two hives tether reads. */
    enum Hive {
        CURRENT_USER, LOCAL_MACHINE
    }

    /** The registry of a machine that has none (Linux, macOS). */
    RegistryReader NONE = new RegistryReader() {
    };

    /** The names of the subkeys of {@code key}; empty when the key does not exist. */
    default List<String> subkeys(Hive hive, String key) {
        return List.of();
    }

    /** The string values ({@code REG_SZ}, {@code REG_EXPAND_SZ}, unexpanded) of {@code key} by name. */
    default Map<String, String> values(Hive hive, String key) {
        return Map.of();
    }

    /** The current user's SID ({@code S-1-5-21-...}), when it is known. */
    default Optional<String> userSid() {
        return Optional.empty();
    }
}
