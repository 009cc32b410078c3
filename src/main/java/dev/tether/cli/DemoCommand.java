package dev.tether.cli;

import dev.tether.Main;
import dev.tether.apply.Manifest;
import dev.tether.apply.Trees;
import dev.tether.demo.SampleData;
import dev.tether.layout.Items;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code tether demo}: the whole story in a throwaway home (a generated {@code .claude} and a fake
 * {@code ProtonDrive} folder in a temp dir): setup (with the retention guard), verify, a backup, a session swept
 * away and restored from the archive, a replaced link, verify, unlink. It runs
 * the real commands in-process with {@code HOME} pointed at the sandbox; it never touches the real home.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show what tether does, in a throwaway sandbox home: setup, verify, backup, a session swept away,"
                + " listed, restored and searched, the settings exported, a replaced link, unlink. Your real ~/.claude is"
                + " never touched.")
public final class DemoCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--keep", description = "keep the sandbox instead of deleting it")
    boolean keep;

    private PrintStream out;
    private Environment sandbox;
    private Path home;
    private final List<String> surprises = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Environment real = main.environment();
        out = real.out();
        Path root = Files.createTempDirectory("tether-demo-");
        try {
            home = root.resolve("home");
            Path claude = home.resolve(".claude");
            Path proton = home.resolve("ProtonDrive");
            SampleData.generate(claude, 42, SampleData.Scale.DEMO);
            Files.createDirectories(proton);
            sandbox = real.withEnv(sandboxEnv(real.env(), home));
            sandbox = new Environment(sandbox.fs(), sandbox.env(), sandbox.out(), sandbox.err(),
                    new ByteArrayInputStream(new byte[0]), sandbox.platform(), sandbox.claudeProbe(), home.toString())
                    .withManagedSettings(root.resolve("no-managed-settings.json")); // the machine's own would leak in

            say("tether demo: a sandbox home at " + home + " with a generated ~/.claude (" + countFiles(claude)
                    + " files) and an empty ~/ProtonDrive standing in for the Proton Drive folder.");
            say("Every command below is the real tether, run with HOME=" + home + ".");
            Map<String, Manifest> before = manifests(claude);
            boolean claudeRunning = !real.claudeProbe().using(claude).isEmpty();
            List<String> setup = new ArrayList<>(List.of("setup", "--sync-root", proton.toString(), "--yes"));
            if (claudeRunning) {
                say("(Claude Code is running on this machine; it does not use the sandbox, so the demo adds --allow-running.)");
                setup.add("--allow-running");
            }

            step("1. Move the chosen items into the sync folder and link them (and stop Claude Code's retention sweep"
                    + " from deleting old transcripts through the links)", setup, 0);
            step("2. Check the arrangement", List.of("verify"), 0);
            step("3. A second setup changes nothing", List.of("setup", "--yes"), 0);

            step("4. Keep an archive that only grows (outside the Claude dir and the sync folder)", List.of("backup"), 0);
            say("");
            say("== 5. Trouble: a session is swept away ==");
            Path swept = claude.resolve("projects").resolve(claude.resolve("projects").toRealPath()
                    .relativize(oldestSession(claude.resolve("projects"))));
            byte[] sweptBytes = Files.readAllBytes(swept);
            Files.delete(swept);
            say("$ (Claude Code deletes " + claude.relativize(swept) + " through the link, as its retention sweep does on a"
                    + " machine whose cleanupPeriodDays is low; the sync client then deletes it on every machine)");
            step("6. The archive still has it: sessions gone from the live data", List.of("sessions", "--deleted"), 0);
            List<String> restore = new ArrayList<>(List.of("restore", "--deleted", "--yes"));
            if (claudeRunning) {
                restore.add("--allow-running");
            }
            step("7. Bring it back from the archive", restore, 0);
            if (!Files.exists(swept) || !java.util.Arrays.equals(sweptBytes, Files.readAllBytes(swept))) {
                surprises.add(claude.relativize(swept) + " was not restored byte for byte");
            } else {
                say("The session is back, byte for byte, with its last activity as its modification time.");
            }

            step("8. Find anything you ever asked, in every session, live or archived", List.of("search", "stack", "trace",
                    "--limit", "3"), 0);
            step("9. Take your settings to a new machine (never a credential)", List.of("config", "export",
                    home.resolve("claude-profile.zip").toString()), 0);

            say("");
            say("== 10. Trouble: an app replaces the history link with a regular file (as atomic writers do) ==");
            Path history = claude.resolve("history.jsonl");
            Path tmp = claude.resolve(".history.jsonl.app-tmp");
            Files.copy(history, tmp);
            Files.writeString(tmp, "{\"display\":\"written after the link was replaced\",\"timestamp\":"
                    + System.currentTimeMillis() + "}\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.move(tmp, history, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            say("$ (an app writes ~/.claude/history.jsonl via a temporary file and a rename)");

            step("11. verify notices it", List.of("verify"), 1);
            List<String> unlink = new ArrayList<>(List.of("unlink", "--yes"));
            if (claudeRunning) {
                unlink.add("--allow-running");
            }
            step("12. Go back to real local files", unlink, 0);

            say("");
            say("== 13. Nothing was lost ==");
            Map<String, Manifest> after = manifests(claude);
            int files = 0;
            for (Map.Entry<String, Manifest> e : before.entrySet()) {
                if (e.getKey().equals("history.jsonl")) {
                    continue; // changed on purpose in step 10
                }
                files += e.getValue().entries().size();
                if (!e.getValue().equals(after.get(e.getKey()))) {
                    surprises.add(e.getKey() + " differs after unlink");
                }
            }
            say("Every file of the unlinked items is back, byte for byte (SHA-256 of " + files + " entries compared).");
            say("history.jsonl was left as the app wrote it (it is no longer tether's link); the synced copy stays in "
                    + proton.resolve(".claude-session-backup") + ".");
            say("");
            if (surprises.isEmpty()) {
                say("The demo went as expected.");
            } else {
                say("The demo did NOT go as expected: " + String.join("; ", surprises));
            }
            return surprises.isEmpty() ? 0 : 1;
        } finally {
            if (keep) {
                say("The sandbox is kept at " + root);
            } else {
                Trees.deleteIfExists(root);
            }
        }
    }

    private void step(String title, List<String> args, int expectedExit) {
        say("");
        say("== " + title + " ==");
        say("$ tether " + String.join(" ", args).replace(home.toString(), "~"));
        int code = Main.run(args.toArray(String[]::new), sandbox);
        say("(exit " + code + ")");
        if (code != expectedExit) {
            surprises.add("'tether " + args.get(0) + "' exited " + code + ", expected " + expectedExit);
        }
    }

    private static Map<String, String> sandboxEnv(Map<String, String> real, Path home) {
        Map<String, String> env = new HashMap<>(real);
        for (String unset : List.of("CLAUDE_CONFIG_DIR", "TETHER_STATE_DIR", "XDG_STATE_HOME", "TETHER_CRASH_AT",
                "TETHER_ARCHIVE_DIR", "XDG_DATA_HOME",
                "USERPROFILE", "LOCALAPPDATA")) {
            env.remove(unset);
        }
        env.put("HOME", home.toString());
        return env;
    }

    /** The content of every default item, reached through links. */
    private static Map<String, Manifest> manifests(Path claude) throws IOException {
        Map<String, Manifest> out = new LinkedHashMap<>();
        for (String item : Items.DEFAULTS) {
            Path p = claude.resolve(item);
            if (Files.exists(p)) {
                out.put(item, Manifest.of(p.toRealPath()));
            }
        }
        return out;
    }

    /** The session transcript with the oldest modification time: the one a retention sweep takes first. */
    private static Path oldestSession(Path projects) throws IOException {
        try (var s = Files.walk(projects.toRealPath())) {
            Path real = projects.toRealPath();
            return s.filter(p -> p.toString().endsWith(".jsonl") && real.relativize(p).getNameCount() == 2)
                    .min(java.util.Comparator.comparing(p -> {
                        try {
                            return Files.getLastModifiedTime(p);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })).orElseThrow();
        }
    }

    private static long countFiles(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private void say(String line) {
        out.println(line);
    }
}
