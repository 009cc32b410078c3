package dev.tether.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Syncthing: every {@code <folder path="...">} of its {@code config.xml} is a root ({@code ~} is the home).
 * The config is where Syncthing itself looks (lib/locations): {@code $STCONFDIR}, else {@code $STHOMEDIR};
 * else Linux {@code $XDG_CONFIG_HOME/syncthing} or {@code ~/.config/syncthing} when it holds a config
 * (older installs), then {@code $XDG_STATE_HOME/syncthing} or {@code ~/.local/state/syncthing} (1.27 and
 * later); macOS {@code ~/Library/Application Support/Syncthing}; Windows {@code %LOCALAPPDATA%\Syncthing}
 * then {@code %APPDATA%\Syncthing}. Receive-only folders are left out: what tether writes there would
 * never be sent.
 */
final class SyncthingDetector implements Detector {
    private static final Set<String> NOT_SENT = Set.of("receiveonly", "receiveencrypted");

    @Override
    public Provider provider() {
        return Provider.SYNCTHING;
    }

    @Override
    public void detect(DetectContext ctx, Candidates out) {
        List<Path> dirs = configDirs(ctx);
        Path config = dirs.stream().map(d -> d.resolve("config.xml")).filter(Files::isRegularFile).findFirst()
                .orElse(null);
        if (config == null) {
            dirs.forEach(d -> out.note("no " + d.resolve("config.xml")));
            return;
        }
        ConfigFiles.xml(config, out).ifPresent(doc -> folders(ctx, config, doc, out));
    }

    /** Where Syncthing looks for its config, in its own order. */
    static List<Path> configDirs(DetectContext ctx) {
        List<Path> dirs = new ArrayList<>();
        ctx.env("STCONFDIR").or(() -> ctx.env("STHOMEDIR")).flatMap(ctx::path).ifPresent(dirs::add);
        if (!dirs.isEmpty()) {
            return dirs;
        }
        switch (ctx.os()) {
            case LINUX -> {
                dirs.add(ctx.configHome().resolve("syncthing"));
                dirs.add(ctx.stateHome().resolve("syncthing"));
            }
            case MACOS -> dirs.add(ctx.home().resolve("Library").resolve("Application Support").resolve("Syncthing"));
            case WINDOWS -> {
                dirs.add(ctx.localAppData().resolve("Syncthing"));
                dirs.add(ctx.appData().resolve("Syncthing"));
            }
        }
        return dirs;
    }

    /** The {@code <folder>} children of {@code <configuration>} (not the template under {@code <defaults>}). */
    private static void folders(DetectContext ctx, Path config, Document doc, Candidates out) {
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element folder) || !folder.getTagName().equals("folder")) {
                continue;
            }
            String id = folder.getAttribute("id");
            String label = folder.getAttribute("label");
            String type = folder.getAttribute("type");
            if (NOT_SENT.contains(type)) {
                out.note("skipped folder '" + id + "' in " + config + ": it is " + type + ", so changes made there are not sent");
                continue;
            }
            String raw = folder.getAttribute("path");
            ctx.path(raw).ifPresentOrElse(
                    p -> out.add(p, FoundBy.CONFIG_FILE, config.toString(), label.isEmpty() ? id : label),
                    () -> out.note("skipped folder '" + id + "' in " + config + ": path '" + raw + "' is not absolute"));
        }
    }
}
