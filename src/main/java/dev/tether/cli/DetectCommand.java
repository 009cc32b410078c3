package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Main;
import dev.tether.detect.DetectContext;
import dev.tether.detect.Detection;
import dev.tether.detect.Provider;
import dev.tether.detect.SyncRoot;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code tether detect}: the sync roots of the clients found on this machine. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "List the folders of the sync clients found on this machine (Proton Drive, Dropbox, OneDrive,"
                + " Google Drive, iCloud Drive, Syncthing, Nextcloud/ownCloud, pCloud): how each was found, whether it"
                + " exists and is writable, whether it is on the Claude data dir's filesystem, and whether files there"
                + " can be online-only. Reads only. Exit 0 when at least one is found, 1 when none; -v shows where it looked.")
public final class DetectCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "detect");
        Detection detection = Detection.scan(DetectContext.of(session.ctx()));
        detection.notes().forEach(console::detail);
        toJson(console.doc().putArray("roots"), detection.roots());
        if (detection.roots().isEmpty()) {
            console.error("tether: no sync root found. tether looks for " + String.join(", ", Provider.ids())
                    + " (run tether detect -v to see where).");
            console.error("  fix: any folder your sync client syncs works: tether setup --sync-root DIR");
            return 1;
        }
        print(console, detection.roots());
        console.say("Use one with: tether setup --provider ID (or --sync-root DIR).");
        return 0;
    }

    static void toJson(ArrayNode array, List<SyncRoot> roots) {
        for (SyncRoot r : roots) {
            ObjectNode o = array.addObject();
            o.put("provider", r.provider().id());
            o.put("path", r.path().toString());
            o.put("foundBy", r.foundBy().id());
            o.put("exists", r.exists());
            o.put("writable", r.writable());
            o.put("sameFilesystem", r.sameFilesystem());
            o.put("onlineOnlyPossible", r.onlineOnlyPossible());
            if (r.account() != null) {
                o.put("account", r.account());
            }
            o.put("source", r.source());
        }
    }

    /** A table: one root per line, the path last because it is the long part. */
    static void print(Console console, List<SyncRoot> roots) {
        int providerWidth = Math.max("provider".length(), roots.stream().mapToInt(r -> r.provider().id().length()).max().orElse(0));
        String format = "%-" + providerWidth + "s  %-12s  %-6s  %-8s  %-7s  %-11s  %s";
        console.say(console.paint(String.format(format, "provider", "found by", "exists", "writable", "same fs", "online-only",
                "path"), Console.Paint.BOLD));
        for (SyncRoot r : roots) {
            String line = String.format(format, r.provider().id(), r.foundBy().id(), yes(r.exists()), yes(r.writable()),
                    yes(r.sameFilesystem()), r.onlineOnlyPossible() ? "possible" : "no", r.path())
                    + (r.account() == null ? "" : "  (" + r.account() + ")");
            console.say(r.exists() ? line : console.paint(line, Console.Paint.DIM));
        }
    }

    private static String yes(boolean value) {
        return value ? "yes" : "no";
    }
}
