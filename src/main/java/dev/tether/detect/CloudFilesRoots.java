package dev.tether.detect;

import dev.tether.platform.RegistryReader.Hive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folders registered with Windows' Cloud Files API: every provider's root is listed under
 * {@code HKLM\...\SyncRootManager\<id>\UserSyncRoots} (value name: the user's SID; data: the path), and
 * the id starts with the provider's name ({@code ProtonDrive!S-1-5-...!...}). Files in these folders
 * can be online-only placeholders.
 */
final class CloudFilesRoots {
    static final String KEY = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Explorer\\SyncRootManager";

    /** One registered root: the provider part of the id (before the first {@code !}), the id, the path. */
    record Entry(String providerName, String id, Path path) {
        String source() {
            return "HKLM\\" + KEY + "\\" + id;
        }
    }

    private CloudFilesRoots() {
    }

    static List<Entry> read(DetectContext ctx) {
        Optional<String> sid = ctx.registry().userSid();
        List<Entry> entries = new ArrayList<>();
        for (String id : ctx.registry().subkeys(Hive.LOCAL_MACHINE, KEY)) {
            Map<String, String> users = ctx.registry().values(Hive.LOCAL_MACHINE, KEY + "\\" + id + "\\UserSyncRoots");
            users.forEach((userSid, path) -> {
                if (sid.isEmpty() || sid.get().equalsIgnoreCase(userSid)) {
                    ctx.path(path).ifPresent(p -> entries.add(new Entry(providerName(id), id, p)));
                }
            });
        }
        return entries;
    }

    /** The roots one provider registered, by the provider part of the id (case-insensitive). */
    static List<Entry> of(DetectContext ctx, String providerName) {
        return ctx.cloudFilesRoots().stream().filter(e -> e.providerName().equalsIgnoreCase(providerName)).toList();
    }

    /** Whether {@code path} is in (or is) a Cloud Files root. */
    static boolean covers(DetectContext ctx, Path path) {
        return ctx.cloudFilesRoots().stream().anyMatch(e -> path.startsWith(e.path()));
    }

    private static String providerName(String id) {
        int bang = id.indexOf('!');
        return bang < 0 ? id : id.substring(0, bang);
    }
}
