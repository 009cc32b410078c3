package dev.tether.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Proton Drive. macOS: the File Provider folder {@code ~/Library/CloudStorage/ProtonDrive-<email>-folder}.
 * Windows: {@code %LOCALAPPDATA%\Proton\Proton Drive\Mappings.json} (each mapping's
 * {@code Local.RootFolderPath}), the Cloud Files roots whose id starts with {@code ProtonDrive!}, and the
 * default {@code %USERPROFILE%\Proton Drive\<account>\My files}. Linux has no official client: the
 * folders unofficial clients use ({@code ProtonDrive} or {@code Proton Drive}, in the home or one level
 * below it, not in hidden folders).
 */
final class ProtonDriveDetector implements Detector {
    private static final String MY_FILES = "My files";
    /** Mapping types (ProtonDriveApps/windows-drive, MappingType): 1 CloudFiles ("My files"), 2 HostDeviceFolder. */
    private static final Set<String> SYNCED_TYPES = Set.of("1", "2", "CloudFiles", "HostDeviceFolder");
    /** Mapping statuses 2 Deleted and 3 TornDown are folders that no longer sync. */
    private static final Set<String> GONE_STATUSES = Set.of("2", "3", "Deleted", "TornDown");

    @Override
    public Provider provider() {
        return Provider.PROTON_DRIVE;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        switch (ctx.os()) {
            case LINUX -> unofficialFolders(ctx, out);
            case MACOS -> {
                for (Path dir : out.fileProviderFolders(ctx, "ProtonDrive-")) {
                    out.add(dir, FoundBy.DEFAULT_PATH, null, account(dir.getFileName().toString()));
                }
            }
            case WINDOWS -> {
                mappings(ctx, out);
                for (CloudFilesRoots.Entry e : CloudFilesRoots.of(ctx, "ProtonDrive")) {
                    out.addOnlineOnly(myFiles(e.path()), FoundBy.REGISTRY, e.source(), null);
                }
                for (Path account : ctx.childDirs(ctx.home().resolve("Proton Drive"), "")) {
                    out.addDefault(account.resolve(MY_FILES), account.getFileName().toString());
                }
            }
        }
    }

    private static void unofficialFolders(DetectContext ctx, Candidates out) {
        for (String name : new String[] {"ProtonDrive", "Proton Drive"}) {
            out.addDefault(ctx.home().resolve(name), null);
        }
        for (Path dir : ctx.childDirs(ctx.home(), "")) {
            for (String name : new String[] {"ProtonDrive", "Proton Drive"}) {
                if (!dir.getFileName().toString().startsWith(".") && Files.isDirectory(dir.resolve(name))) {
                    out.add(dir.resolve(name), FoundBy.DEFAULT_PATH, null, null);
                }
            }
        }
    }

    private static void mappings(DetectContext ctx, Candidates out) {
        Path file = ctx.localAppData().resolve("Proton").resolve("Proton Drive").resolve("Mappings.json");
        ConfigFiles.json(file, out).ifPresent(json -> {
            for (JsonNode mapping : json.path("Mappings")) {
                String type = mapping.path("Type").asText();
                String raw = mapping.path("Local").path("RootFolderPath").asText(null);
                if (!SYNCED_TYPES.contains(type) || GONE_STATUSES.contains(mapping.path("Status").asText())) {
                    out.note("skipped mapping " + mapping.path("Id").asText() + " in " + file + " (type " + type
                            + ", status " + mapping.path("Status").asText() + ")");
                    continue;
                }
                boolean onDemand = type.equals("1") || type.equals("CloudFiles"); // a Cloud Files root
                ctx.path(raw).ifPresentOrElse(p -> {
                    if (onDemand) {
                        out.addOnlineOnly(p, FoundBy.CONFIG_FILE, file.toString(), null);
                    } else {
                        out.add(p, FoundBy.CONFIG_FILE, file.toString(), null);
                    }
                },
                        () -> out.note("skipped mapping " + mapping.path("Id").asText() + " in " + file
                                + ": no absolute Local.RootFolderPath"));
            }
        });
    }

    /** The account folder of a Cloud Files root holds "My files", which is what syncs to the account's drive. */
    private static Path myFiles(Path accountRoot) {
        Path myFiles = accountRoot.resolve(MY_FILES);
        return Files.isDirectory(myFiles) ? myFiles : accountRoot;
    }

    /** {@code ProtonDrive-me@proton.me-folder} → {@code me@proton.me}. */
    static String account(String folderName) {
        String rest = folderName.substring("ProtonDrive-".length());
        return rest.endsWith("-folder") ? rest.substring(0, rest.length() - "-folder".length()) : rest;
    }
}
