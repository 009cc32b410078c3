package dev.tether.detect;

import dev.tether.layout.Os;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nextcloud and ownCloud desktop clients (ownCloud's is the original; both write the same Qt INI file):
 * every {@code N\Folders\M\localPath} (and the {@code FoldersWithPlaceholders} of virtual-files mode,
 * which can be online-only) in the {@code [Accounts]} section of {@code nextcloud.cfg} or
 * {@code owncloud.cfg}: {@code ~/.config/<Client>/} on Linux, {@code ~/Library/Preferences/<Client>/} on
 * macOS, {@code %APPDATA%\<Client>\} on Windows. Then the default {@code ~/Nextcloud}.
 */
final class NextcloudDetector implements Detector {
    private static final Pattern LOCAL_PATH = Pattern.compile("^(\\d+)\\\\(\\w+)\\\\(\\d+)\\\\localPath$");

    @Override
    public Provider provider() {
        return Provider.NEXTCLOUD;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        for (String client : new String[] {"Nextcloud", "ownCloud"}) {
            Path dir = switch (ctx.os()) {
                case LINUX -> ctx.configHome().resolve(client);
                case MACOS -> ctx.home().resolve("Library").resolve("Preferences").resolve(client);
                case WINDOWS -> ctx.appData().resolve(client);
            };
            Path cfg = dir.resolve(client.toLowerCase(Locale.ROOT) + ".cfg");
            ConfigFiles.lines(cfg, out).ifPresent(lines -> folders(ctx, cfg, lines, out));
        }
        out.addDefault(ctx.home().resolve("Nextcloud"), null);
    }

    private static void folders(DetectContext ctx, Path cfg, List<String> lines, Candidates out) {
        Map<String, String> accounts = QtIni.section(lines, "Accounts");
        accounts.forEach((key, value) -> {
            Matcher m = LOCAL_PATH.matcher(key);
            if (!m.matches()) {
                return;
            }
            String account = account(accounts, m.group(1));
            boolean virtualFiles = m.group(2).equals("FoldersWithPlaceholders") || (ctx.os() == Os.WINDOWS
                    && "wincfapi".equals(accounts.get(m.group(1) + "\\" + m.group(2) + "\\" + m.group(3) + "\\virtualFilesMode")));
            ctx.path(value).ifPresentOrElse(p -> {
                if (virtualFiles) {
                    out.addOnlineOnly(p, FoundBy.CONFIG_FILE, cfg.toString(), account);
                } else {
                    out.add(p, FoundBy.CONFIG_FILE, cfg.toString(), account);
                }
            }, () -> out.note("skipped " + key + " in " + cfg + ": '" + value + "' is not an absolute path"));
        });
    }

    /** {@code user@host} from the account's {@code dav_user} and {@code url} keys, as far as they are there. */
    private static String account(Map<String, String> accounts, String n) {
        String user = accounts.get(n + "\\dav_user");
        String host = null;
        try {
            String url = accounts.get(n + "\\url");
            host = url == null ? null : URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            // no host then
        }
        if (user == null || user.isEmpty()) {
            return host;
        }
        return host == null ? user : user + "@" + host;
    }
}
