package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Context;
import dev.tether.Main;
import dev.tether.verify.Finding;
import dev.tether.verify.Verifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tether verify}: the health check. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the arrangement: links intact, targets present, no sync-conflict copies, credentials local, nothing pending."
                + " Exit 0 when healthy, 1 otherwise.")
public final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--strict", description = "treat warnings as errors")
    boolean strict;

    @Option(names = "--scan-secrets", description = "also search the synced text files for token-like strings (API keys,"
            + " access tokens, private keys); each is reported by file and line, masked")
    boolean scanSecrets;

    @Override
    public Integer call() throws Exception {
        Session session = main.session();
        Console console = session.console();
        console.doc().put("command", "verify");
        Verifier.Report report = Verifier.verify(session.ctx(), strict, scanSecrets);
        console.doc().put("healthy", report.healthy());
        ArrayNode findings = console.doc().putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("id", f.id());
            o.put("status", f.status().id());
            o.put("item", f.item());
            o.put("path", f.path());
            o.put("message", f.message());
            o.put("hint", f.hint());
        }
        print(console, report);
        if (console.verbose()) {
            showFilesystems(session.ctx(), console);
        }
        return report.healthy() ? 0 : 1;
    }

    /** With -v: the file system under the Claude data dir and the synced folder (FUSE, tmpfs, a share explain a lot). */
    private static void showFilesystems(Context ctx, Console console) {
        List<Path> places = new ArrayList<>(List.of(ctx.locations().claudeDir()));
        try {
            ctx.stateStore().load().ifPresent(s -> places.add(ctx.fs().getPath(s.syncedFolder())));
        } catch (RuntimeException e) {
            // setup.state already reports an unreadable state file
        }
        for (Path p : places) {
            String type;
            try {
                type = ctx.platform().filesystemType(p);
            } catch (IOException | RuntimeException e) {
                type = "unknown (" + e.getMessage() + ")";
            }
            console.detail("file system of " + p + ": " + type);
        }
    }

    static void print(Console console, Verifier.Report report) {
        int idWidth = report.findings().stream().mapToInt(f -> f.id().length()).max().orElse(8);
        int itemWidth = report.findings().stream().mapToInt(f -> f.item() == null ? 1 : f.item().length()).max().orElse(1);
        for (Finding f : report.findings()) {
            String status = String.format("%-5s", f.status().id());
            console.say(console.paint(status, paintOf(f.status())) + " " + String.format("%-" + idWidth + "s  %-" + itemWidth + "s  ",
                    f.id(), f.item() == null ? "-" : f.item()) + f.message());
            if (f.hint() != null && f.status() != Finding.Status.OK && f.status() != Finding.Status.INFO) {
                console.say(" ".repeat(6 + idWidth + 2 + itemWidth + 2) + "fix: " + f.hint());
            }
        }
        long errors = report.findings().stream().filter(f -> f.status() == Finding.Status.ERROR).count();
        long warns = report.findings().stream().filter(f -> f.status() == Finding.Status.WARN).count();
        console.say(report.healthy() ? console.paint("healthy", Console.Paint.GREEN) + (warns > 0 ? " (" + warns + " warning(s))" : "")
                : console.paint("not healthy", Console.Paint.RED) + ": " + errors + " error(s), " + warns + " warning(s)");
    }

    private static Console.Paint paintOf(Finding.Status s) {
        return switch (s) {
            case OK -> Console.Paint.GREEN;
            case INFO -> Console.Paint.DIM;
            case WARN -> Console.Paint.YELLOW;
            case ERROR -> Console.Paint.RED;
        };
    }
}
