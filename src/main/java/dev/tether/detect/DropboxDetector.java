package dev.tether.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.layout.Os;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Dropbox. Its {@code info.json} names a root per account ({@code personal.path}, {@code business.path}):
 * {@code ~/.dropbox/info.json} on Linux and macOS, {@code %APPDATA%\Dropbox\info.json} then
 * {@code %LOCALAPPDATA%\Dropbox\info.json} on Windows. Older clients wrote {@code host.db} instead, whose
 * second line is the root, base64-encoded. Then the defaults: {@code ~/Dropbox}, macOS's File Provider
 * folder {@code ~/Library/CloudStorage/Dropbox*}, Windows' Cloud Files roots.
 */
final class DropboxDetector implements Detector {

    @Override
    public Provider provider() {
        return Provider.DROPBOX;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        List<Path> settingsDirs = ctx.os() == Os.WINDOWS
                ? List.of(ctx.appData().resolve("Dropbox"), ctx.localAppData().resolve("Dropbox"))
                : List.of(ctx.home().resolve(".dropbox"));
        for (Path dir : settingsDirs) {
            Path info = dir.resolve("info.json");
            ConfigFiles.json(info, out).ifPresentOrElse(json -> accounts(ctx, info, json, out),
                    () -> hostDb(ctx, dir.resolve("host.db"), out));
        }
        if (ctx.os() == Os.MACOS) {
            for (Path dir : out.fileProviderFolders(ctx, "Dropbox")) {
                out.add(dir, FoundBy.DEFAULT_PATH, null, null);
            }
        }
        if (ctx.os() == Os.WINDOWS) {
            out.addCloudFilesRoots(ctx, "Dropbox");
        }
        out.addDefault(ctx.home().resolve("Dropbox"), null);
    }

    /** {@code {"personal": {"path": ...}, "business": {"path": ...}}}: every account with a path. */
    private static void accounts(DetectContext ctx, Path info, JsonNode json, Candidates out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> account = it.next();
            String raw = account.getValue().path("path").asText(null);
            ctx.path(raw).ifPresentOrElse(p -> out.add(p, FoundBy.CONFIG_FILE, info.toString(), account.getKey()),
                    () -> out.note("skipped account '" + account.getKey() + "' in " + info + ": no absolute path"));
        }
    }

    /** The legacy {@code host.db}: line 1 a host id, line 2 the root path in base64. */
    private static void hostDb(DetectContext ctx, Path hostDb, Candidates out) {
        ConfigFiles.lines(hostDb, out).ifPresent(lines -> {
            if (lines.size() < 2) {
                out.note("skipped " + hostDb + ": it has no second line");
                return;
            }
            try {
                String raw = new String(Base64.getMimeDecoder().decode(lines.get(1).strip()), StandardCharsets.UTF_8);
                ctx.path(raw).ifPresentOrElse(p -> out.add(p, FoundBy.CONFIG_FILE, hostDb.toString(), null),
                        () -> out.note("skipped " + hostDb + ": its second line is not an absolute path"));
            } catch (IllegalArgumentException e) {
                out.note("skipped " + hostDb + ": its second line is not base64 (" + e.getMessage() + ")");
            }
        });
    }
}
