package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tether.demo.SampleData;
import dev.tether.platform.ClaudeProbe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A throwaway home for one black-box test: a generated {@code ~/.claude}, an empty {@code ~/ProtonDrive}
 * standing in for a sync root, and the packaged tether run with {@code HOME} pointed here. Every run is
 * checked for stack traces, which a user must never see.
 */
final class Sandbox {
    private static final ObjectMapper STRICT_JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    final Path home;
    final Path claude;
    final Path drive;
    final Tether tether;

    private Sandbox(Path home) {
        this.home = home;
        this.claude = home.resolve(".claude");
        this.drive = home.resolve("ProtonDrive");
        this.tether = new Tether(home);
    }

    /** A home with a small generated Claude dir and an empty sync root. */
    static Sandbox create(Path tempDir) throws IOException {
        Sandbox s = new Sandbox(tempDir.resolve("home"));
        SampleData.generate(s.claude, 7, SampleData.Scale.SMALL);
        Files.createDirectories(s.drive);
        return s;
    }

    /** Where tether keeps this machine's state on Linux when only HOME is set. */
    Path stateDir() {
        return home.resolve(".local").resolve("state").resolve("tether");
    }

    Path synced() {
        return drive.resolve(".claude-session-backup");
    }

    Tether.Result run(String... args) {
        return checked(tether.run(args));
    }

    Tether.Result runWithInput(String input, String... args) {
        return checked(tether.runWithInput(input, args));
    }

    /**
     * {@code tether setup --sync-root ~/ProtonDrive --yes} plus {@code extra}. Should a Claude Code use this
     * sandbox's data dir as far as tether can tell (on macOS and Windows: any Claude Code of this user), every
     * setup would refuse, so then (and only then) --allow-running is added; the tests of the refusal run their
     * own Claude Code and call {@link #run}.
     */
    Tether.Result setup(String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--sync-root", drive.toString(), "--yes"));
        args.addAll(List.of(extra));
        if (!ClaudeProbe.system().using(claude).isEmpty() && !args.contains("--allow-running")) {
            args.add("--allow-running");
        }
        return run(args.toArray(String[]::new));
    }

    /** Sets this home up and checks that it worked. */
    Sandbox linked() {
        Tether.Result r = setup();
        assertEquals(0, r.exitCode(), r::toString);
        return this;
    }

    private static Tether.Result checked(Tether.Result r) {
        assertFalse(r.stderr().contains("\tat "), () -> "a stack trace on stderr:\n" + r);
        assertFalse(r.stderr().contains("Exception"), () -> "an exception named on stderr:\n" + r);
        assertFalse(r.stdout().contains("\tat "), () -> "a stack trace on stdout:\n" + r);
        return r;
    }

    /** The one JSON object on stdout (any object: a hook's answer to Claude Code has no schema); fails otherwise. */
    static JsonNode onlyJsonObject(Tether.Result r) {
        String out = r.stdout().strip();
        assertTrue(out.startsWith("{") && out.endsWith("}"), () -> "stdout is not one JSON object:\n" + r);
        try {
            return STRICT_JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("stdout is not exactly one JSON document: " + e.getMessage() + "\n" + r, e);
        }
    }

    /** The one JSON document on stdout; fails when stdout holds anything else. */
    static JsonNode onlyJson(Tether.Result r) {
        String out = r.stdout().strip();
        assertTrue(out.startsWith("{") && out.endsWith("}"), () -> "stdout is not one JSON object:\n" + r);
        JsonNode doc;
        try {
            doc = STRICT_JSON.readTree(out);
        } catch (IOException e) {
            throw new AssertionError("stdout is not exactly one JSON document: " + e.getMessage() + "\n" + r, e);
        }
        assertEquals(1, doc.path("schema").asInt(), () -> "no \"schema\": 1 in\n" + r);
        assertTrue(doc.has("command"), () -> "no \"command\" in\n" + r);
        return doc;
    }

    /**
     * Every entry under the home, links not followed: a directory, a file with its SHA-256 and mtime, or a
     * link with its target. Two equal manifests mean nothing was changed.
     */
    Map<String, String> manifest() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Files.walkFileTree(home, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                out.put(home.relativize(dir).toString(), "dir");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String key = home.relativize(file).toString();
                if (attrs.isSymbolicLink()) {
                    out.put(key, "link -> " + Files.readSymbolicLink(file));
                } else {
                    out.put(key, "file " + sha256(file) + " " + attrs.lastModifiedTime());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
