package dev.tether.detect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.platform.RegistryReader.Hive;
import dev.tether.state.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Google Drive for desktop. macOS: {@code ~/Library/CloudStorage/GoogleDrive-<email>/My Drive}. Windows:
 * the DriveFS settings in the registry ({@code HKCU\Software\Google\DriveFS}: {@code PerAccountPreferences}
 * holds each account's {@code mount_point_path}, a drive letter or a folder; {@code DefaultMountPoint} is
 * the admin's choice), then every drive letter with a {@code My Drive} folder (streamed, so online-only),
 * then the mirror folder {@code %USERPROFILE%\My Drive}. No official client on Linux.
 */
final class GoogleDriveDetector implements Detector {
    static final String DRIVEFS_KEY = "Software\\Google\\DriveFS";
    private static final String MY_DRIVE = "My Drive";
    private static final Pattern DRIVE_LETTER = Pattern.compile("^[A-Za-z]:?\\\\?$");

    @Override
    public Provider provider() {
        return Provider.GOOGLE_DRIVE;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        switch (ctx.os()) {
            case MACOS -> {
                for (Path dir : out.fileProviderFolders(ctx, "GoogleDrive-")) {
                    out.add(dir.resolve(MY_DRIVE), FoundBy.DEFAULT_PATH, null,
                            dir.getFileName().toString().substring("GoogleDrive-".length()));
                }
            }
            case WINDOWS -> windows(ctx, out);
            case LINUX -> out.note("Google has no desktop client for Linux");
        }
    }

    private static void windows(DetectContext ctx, Candidates out) {
        String userKey = "HKCU\\" + DRIVEFS_KEY;
        String perAccount = ctx.registry().values(Hive.CURRENT_USER, DRIVEFS_KEY).get("PerAccountPreferences");
        if (perAccount != null) {
            try {
                for (JsonNode account : accountList(Json.COMPACT.readTree(perAccount))) {
                    mountPoint(ctx, account.path("value").path("mount_point_path").asText(null)).ifPresent(p ->
                            out.addOnlineOnly(p, FoundBy.REGISTRY, userKey + "\\PerAccountPreferences", null));
                }
            } catch (JacksonException e) {
                out.note("skipped " + userKey + "\\PerAccountPreferences: not valid JSON (" + e.getOriginalMessage() + ")");
            }
        }
        for (Hive hive : Hive.values()) {
            String raw = ctx.registry().values(hive, DRIVEFS_KEY).get("DefaultMountPoint");
            String key = (hive == Hive.CURRENT_USER ? "HKCU\\" : "HKLM\\") + DRIVEFS_KEY + "\\DefaultMountPoint";
            mountPoint(ctx, raw).filter(Files::isDirectory).ifPresent(p -> out.addOnlineOnly(p, FoundBy.REGISTRY, key, null));
        }
        for (Path root : ctx.fileSystemRoots()) {
            Path myDrive = root.resolve(MY_DRIVE);
            if (Files.isDirectory(myDrive)) {
                out.addOnlineOnly(myDrive, FoundBy.DEFAULT_PATH, null, null);
            }
        }
        out.addDefault(ctx.home().resolve(MY_DRIVE), null);
    }

    /** {@code {"per_account_preferences": [{"key": "...", "value": {"mount_point_path": "G"}}]}}: the first array. */
    private static JsonNode accountList(JsonNode tree) {
        if (tree != null && tree.isObject()) {
            for (JsonNode field : tree) {
                if (field.isArray()) {
                    return field;
                }
            }
        }
        return Json.COMPACT.createArrayNode();
    }

    /** A mount point as DriveFS writes it ({@code G}, {@code G:}, {@code G:\} or a folder) → its "My Drive". */
    private static Optional<Path> mountPoint(DetectContext ctx, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (DRIVE_LETTER.matcher(text).matches()) {
            text = Character.toUpperCase(text.charAt(0)) + ":\\";
        }
        return ctx.path(text).map(p -> p.resolve(MY_DRIVE));
    }
}
