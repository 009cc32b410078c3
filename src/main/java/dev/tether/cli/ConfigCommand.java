package dev.tether.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.Context;
import dev.tether.Failure;
import dev.tether.Main;
import dev.tether.Version;
import dev.tether.profile.ExportPlan;
import dev.tether.flow.Guard;
import dev.tether.profile.ImportApplier;
import dev.tether.profile.ImportPlan;
import dev.tether.profile.ImportPlanner;
import dev.tether.profile.ProfileArchive;
import dev.tether.profile.ProfileExport;
import dev.tether.profile.ProfileItems;
import dev.tether.profile.ProfileZipWriter;
import dev.tether.secrets.SecretFinding;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code tether config export|import}: the settings and hand-written files of the Claude data dir, as one zip for a new machine. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Move your Claude Code configuration to another machine: settings.json, CLAUDE.md, agents, commands,"
                + " hooks, skills, rules and output styles, as one zip. Credentials never.",
        subcommands = {ConfigCommand.Export.class, ConfigCommand.Import.class})
public final class ConfigCommand {
    @ParentCommand
    Main main;

    /** {@code tether config export [FILE] [--include-local] [--dry-run] [--yes]}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the configuration profile to FILE (default tether-profile-<UTC time>.zip here). Never a"
                    + " credential; settings.local.json only with --include-local; links inside folders are not followed."
                    + " Token-like strings in what is exported are listed first, and need a yes.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        ConfigCommand config;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the zip to write; never overwritten")
        String file;

        @Option(names = "--include-local", description = "also export settings.local.json (it may hold keys)")
        boolean includeLocal;

        @Option(names = "--dry-run", description = "list what would be exported and write nothing")
        boolean dryRun;

        @Option(names = {"-y", "--yes"}, description = "export even when token-like strings were found")
        boolean yes;

        @Override
        public Integer call() throws IOException {
            Session session = config.main.session();
            Console console = session.console();
            Context ctx = dryRun ? session.ctx().readOnly() : session.ctx();
            console.doc().put("command", "config export");
            Instant now = Instant.now();
            Path target = ctx.fs().getPath(file != null ? file : "tether-profile-"
                    + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(now) + ".zip").toAbsolutePath();
            ExportPlan plan = ProfileExport.plan(ctx.locations().claudeDir(), includeLocal);
            console.doc().put("file", target.toString());
            ArrayNode files = console.doc().putArray("files");
            plan.files().forEach(f -> files.add(f.name()));
            ArrayNode skipped = console.doc().putArray("skipped");
            for (ExportPlan.Skipped s : plan.skipped()) {
                skipped.addObject().put("name", s.name()).put("reason", s.reason());
                console.say("left out: " + s.name() + " (" + s.reason() + ")");
            }
            ArrayNode secrets = console.doc().putArray("secrets");
            for (SecretFinding f : plan.secrets()) {
                secrets.addObject().put("file", f.file().toString()).put("line", f.line()).put("kind", f.kind().id())
                        .put("masked", f.masked());
                console.error("warning: " + f.file() + ":" + f.line() + ": " + f.kind().description() + " (" + f.masked() + ")");
            }
            if (plan.files().isEmpty()) {
                throw new Failure.BadInput(ctx.locations().claudeDir() + " holds nothing of a profile ("
                        + String.join(", ", ProfileItems.NAMES) + "); nothing was written", "tether --claude-dir DIR config export");
            }
            console.say("plan: " + plan.files().size() + " file(s) from " + ctx.locations().claudeDir() + " into " + target);
            if (dryRun) {
                return 0;
            }
            if (!plan.secrets().isEmpty()) {
                console.requireYes("config export", plan.secrets().size() + " token-like string(s) would go into the zip."
                        + " Export anyway?", yes);
            }
            ProfileZipWriter.write(plan, target, "tether " + Version.get(), now);
            console.say("wrote " + target);
            return 0;
        }
    }

    /** {@code tether config import FILE [--force] [--include-local] [--dry-run] [--yes] [--allow-running]}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Bring a profile zip into the Claude data dir, planned first: per file create, same, replace (with"
                    + " --force; the current file is kept under <state-dir>/kept/<UTC time>/), conflict (differs, no --force:"
                    + " nothing is written) or refuse (absolute paths, .., links, devices, credentials, anything outside a"
                    + " profile: exit 2, nothing written).")
    static final class Import extends ChangingCommand {
        private static final DateTimeFormatter KEPT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC);

        @Parameters(index = "0", paramLabel = "FILE", description = "a zip written by tether config export")
        String file;

        @Option(names = "--force", description = "replace files that differ (the current ones are kept aside)")
        boolean force;

        @Option(names = "--include-local", description = "also import settings.local.json")
        boolean includeLocal;

        @Override
        int run(Console console, ChangeOptions.Run run) throws IOException {
            Context ctx = run.ctx();
            Guard guard = run.guard();
            Path zip = ctx.fs().getPath(file).toAbsolutePath();
            ImportPlan plan = ImportPlanner.plan(ProfileArchive.read(zip), ctx.locations().claudeDir(),
                    new ImportPlanner.Options(force, includeLocal));
            ArrayNode steps = console.doc().putArray("entries");
            for (ImportPlan.Step s : plan.steps()) {
                ObjectNode o = steps.addObject().put("name", s.name()).put("action", s.action().id());
                o.put("reason", s.reason());
                console.say(String.format("%-8s %s", s.action().id(), s.name()) + (s.reason() == null ? "" : "  (" + s.reason() + ")"));
            }
            plan.requireApplicable();
            if (change.dryRun) {
                console.say("Dry run: nothing was changed.");
                return 0;
            }
            if (plan.writes().isEmpty()) {
                console.say("Nothing to import: every file is already here.");
                return 0;
            }
            console.requireYes("config import", "Import " + plan.writes().size() + " file(s) into "
                    + ctx.locations().claudeDir() + "?", change.yes);
            guard.clear(change.allowRunning);
            Path kept = ctx.locations().stateDir().resolve("kept").resolve(KEPT_TIME.format(Instant.now()));
            ImportApplier.Applied applied = ImportApplier.apply(plan, zip, ctx.locations().claudeDir(), kept);
            ArrayNode keptJson = console.doc().putArray("kept");
            applied.kept().forEach(p -> keptJson.add(p.toString()));
            console.say("imported " + applied.written().size() + " file(s)" + (applied.kept().isEmpty() ? ""
                    : "; the files they replaced are kept in " + kept));
            return 0;
        }
    }
}
