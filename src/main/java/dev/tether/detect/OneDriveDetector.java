package dev.tether.detect;

import dev.tether.platform.RegistryReader.Hive;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OneDrive. Windows: the variables {@code %OneDrive%}, {@code %OneDriveConsumer%},
 * {@code %OneDriveCommercial%}; the registry's {@code HKCU\Software\Microsoft\OneDrive\Accounts\*\UserFolder};
 * the Cloud Files roots; {@code %USERPROFILE%\OneDrive}. macOS: {@code ~/Library/CloudStorage/OneDrive-*}
 * (the suffix is the account; shared libraries are left out). Linux: the community client's
 * {@code ~/.config/onedrive*}{@code /config} {@code sync_dir} (default {@code ~/OneDrive}).
 */
final class OneDriveDetector implements Detector {
    static final String ACCOUNTS_KEY = "Software\\Microsoft\\OneDrive\\Accounts";
    private static final Pattern SYNC_DIR = Pattern.compile("^\\s*sync_dir\\s*=\\s*(?:\"(.*)\"|'(.*)'|(\\S.*?))\\s*$");

    @Override
    public Provider provider() {
        return Provider.ONEDRIVE;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        switch (ctx.os()) {
            case WINDOWS -> windows(ctx, out);
            case MACOS -> {
                for (Path dir : out.fileProviderFolders(ctx, "OneDrive-")) {
                    String suffix = dir.getFileName().toString().substring("OneDrive-".length());
                    if (!suffix.startsWith("SharedLibraries")) {
                        out.add(dir, FoundBy.DEFAULT_PATH, null, suffix);
                    }
                }
            }
            case LINUX -> linux(ctx, out);
        }
    }

    private static void windows(DetectContext ctx, Candidates out) {
        for (String variable : new String[] {"OneDrive", "OneDriveConsumer", "OneDriveCommercial"}) {
            ctx.env(variable).flatMap(ctx::path).ifPresent(p -> out.addOnlineOnly(p, FoundBy.ENV, "%" + variable + "%", null));
        }
        for (String account : ctx.registry().subkeys(Hive.CURRENT_USER, ACCOUNTS_KEY)) {
            String key = ACCOUNTS_KEY + "\\" + account;
            Map<String, String> values = ctx.registry().values(Hive.CURRENT_USER, key);
            String email = values.get("UserEmail");
            ctx.path(values.get("UserFolder")).ifPresent(p -> out.addOnlineOnly(p, FoundBy.REGISTRY, "HKCU\\" + key,
                    email == null || email.isEmpty() ? account : email));
        }
        out.addCloudFilesRoots(ctx, "OneDrive");
        out.addDefault(ctx.home().resolve("OneDrive"), null);
    }

    /**
     * abraunegg/onedrive reads {@code ~/.config/onedrive/config}; a second account runs with its own
     * {@code --confdir}, by convention {@code ~/.config/onedrive-<name>}.
     */
    private static void linux(DetectContext ctx, Candidates out) {
        List<Path> confDirs = ctx.childDirs(ctx.configHome(), "onedrive");
        if (confDirs.isEmpty()) {
            out.note("no " + ctx.configHome().resolve("onedrive").resolve("config"));
        }
        for (Path confDir : confDirs) {
            Path config = confDir.resolve("config");
            String name = confDir.getFileName().toString();
            String account = name.equals("onedrive") ? null : name;
            ConfigFiles.lines(config, out).ifPresent(lines -> {
                Optional<String> syncDir = lines.stream().map(SYNC_DIR::matcher).filter(Matcher::matches)
                        .map(m -> m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
                        .reduce((first, last) -> last);
                String raw = syncDir.orElse("~/OneDrive"); // the client's default when sync_dir is not set
                ctx.path(raw).ifPresentOrElse(p -> out.add(p, FoundBy.CONFIG_FILE, config.toString(), account),
                        () -> out.note("skipped " + config + ": sync_dir '" + raw + "' is not an absolute path"));
            });
        }
        out.addDefault(ctx.home().resolve("OneDrive"), null);
    }
}
