package dev.tether.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged program's {@code config export} and {@code config import --dry-run}. */
class ConfigIT {
    @TempDir
    Path work;

    private Path claude(String home) throws IOException {
        return Files.createDirectories(work.resolve(home).resolve(".claude"));
    }

    @Test
    void exportWritesTheProfileWithoutCredentialsAndImportPlansIt() throws IOException {
        Path a = claude("a");
        Files.writeString(a.resolve("CLAUDE.md"), "# rules\n");
        Files.createDirectories(a.resolve("agents"));
        Files.writeString(a.resolve("agents/reviewer.md"), "review\n");
        Files.writeString(a.resolve(".credentials.json"), "{}");
        Files.writeString(a.resolve("agents/.credentials.json"), "{}");
        Path zip = work.resolve("profile.zip");
        Tether.Result export = new Tether(work.resolve("a")).run("config", "export", zip.toString(), "--json");
        assertEquals(0, export.exitCode(), export.toString());
        List<String> files = new ArrayList<>();
        export.json().get("files").forEach(f -> files.add(f.asText()));
        assertEquals(List.of("CLAUDE.md", "agents/reviewer.md"), files);
        assertTrue(Files.exists(zip));

        claude("b");
        Tether.Result plan = new Tether(work.resolve("b")).run("config", "import", zip.toString(), "--dry-run", "--json");
        assertEquals(0, plan.exitCode(), plan.toString());
        for (JsonNode e : plan.json().get("entries")) {
            assertEquals("create", e.get("action").asText(), plan.toString());
        }
        assertFalse(Files.exists(work.resolve("b/.claude/CLAUDE.md")));
    }

    @Test
    void importAppliesWithYesAndKeepsWhatForceReplaces() throws IOException {
        Path a = claude("a");
        Files.writeString(a.resolve("CLAUDE.md"), "# A's rules\n");
        Files.createDirectories(a.resolve("hooks"));
        Files.writeString(a.resolve("hooks/check.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(a.resolve("hooks/check.sh"), java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path zip = work.resolve("profile.zip");
        assertEquals(0, new Tether(work.resolve("a")).run("config", "export", zip.toString()).exitCode());

        Path b = claude("b");
        Tether tb = new Tether(work.resolve("b"));
        assertEquals(3, tb.run("config", "import", zip.toString()).exitCode()); // no terminal, no --yes
        Tether.Result first = tb.run("config", "import", zip.toString(), "--yes");
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("# A's rules\n", Files.readString(b.resolve("CLAUDE.md")));
        assertTrue(Files.isExecutable(b.resolve("hooks/check.sh")));

        Files.writeString(b.resolve("CLAUDE.md"), "# B's own\n");
        Tether.Result conflict = tb.run("config", "import", zip.toString(), "--yes");
        assertEquals(2, conflict.exitCode(), conflict.toString());
        assertEquals("# B's own\n", Files.readString(b.resolve("CLAUDE.md")));
        Tether.Result forced = tb.run("config", "import", zip.toString(), "--yes", "--force", "--json");
        assertEquals(0, forced.exitCode(), forced.toString());
        assertEquals("# A's rules\n", Files.readString(b.resolve("CLAUDE.md")));
        Path kept = Path.of(forced.json().get("kept").get(0).asText());
        assertEquals("# B's own\n", Files.readString(kept));
        assertTrue(kept.startsWith(work.resolve("b/.local/state/tether/kept")), kept.toString());
    }

    @Test
    void aTokenInTheProfileNeedsAYesWithoutATerminal() throws IOException {
        Path a = claude("a");
        Files.writeString(a.resolve("CLAUDE.md"), "GITLAB=glpat-Zx9Qw3Er5Ty7Ui1Op2As\n");
        Path zip = work.resolve("p.zip");
        Tether.Result r = new Tether(work.resolve("a")).run("config", "export", zip.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("CLAUDE.md:1: a GitLab token (glpa…(26 chars))"), r.toString());
        assertFalse(r.stdout().contains("Zx9Qw3Er5Ty7Ui1Op2As") || r.stderr().contains("Zx9Qw3Er5Ty7Ui1Op2As"));
        assertFalse(Files.exists(zip));
    }

    @Test
    void aZipThatClimbsOutIsRefusedWithExitTwo() throws IOException {
        claude("b");
        Path zip = work.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../outside.txt"));
            out.write("x".getBytes());
            out.closeEntry();
        }
        Tether.Result r = new Tether(work.resolve("b")).run("config", "import", zip.toString(), "--dry-run");
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("refuse   ../../outside.txt"), r.toString());
        assertFalse(Files.exists(work.resolve("outside.txt")));
    }
}
