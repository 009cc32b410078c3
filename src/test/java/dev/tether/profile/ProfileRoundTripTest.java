package dev.tether.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** config export on one home, import on another: the profile arrives whole; credentials never travel. */
class ProfileRoundTripTest {
    @TempDir
    Path root;

    private Path homeA;
    private Path homeB;
    private Path stateB;
    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");
    private static final FileTime OLD = FileTime.from(Instant.parse("2025-01-02T03:04:05Z"));

    @BeforeEach
    void homes() throws IOException {
        homeA = Files.createDirectories(root.resolve("a/.claude"));
        homeB = Files.createDirectories(root.resolve("b/.claude"));
        stateB = root.resolve("b/state");
        write(homeA, "settings.json", "{\n  \"model\": \"opus\"\n}\n");
        write(homeA, "CLAUDE.md", "# Zoë's rules\n");
        write(homeA, "agents/reviewer.md", "review carefully\n");
        write(homeA, "agents/deep/nested agent.md", "nested\n");
        write(homeA, "commands/ship.md", "ship it\n");
        Path hook = write(homeA, "hooks/check.sh", "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
        write(homeA, "skills/pdf/SKILL.md", "a skill\n");
        write(homeA, "rules/style.md", "short\n");
        write(homeA, "output-styles/terse.md", "terse\n");
        write(homeA, "projects/-home-me/s1.jsonl", "{\"type\":\"user\"}\n");
        write(homeA, "history.jsonl", "{\"display\":\"x\"}\n");
        Files.setLastModifiedTime(homeA.resolve("CLAUDE.md"), OLD);
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    out.put(dir.relativize(p).toString(), Files.readString(p));
                } else if (Files.isSymbolicLink(p)) {
                    out.put(dir.relativize(p).toString(), "link");
                }
            }
        }
        return out;
    }

    private Path export(boolean includeLocal) throws IOException {
        ExportPlan plan = ProfileExport.plan(homeA, includeLocal);
        Path zip = root.resolve("profile.zip");
        Files.deleteIfExists(zip);
        ProfileZipWriter.write(plan, zip, "tether test", NOW);
        return zip;
    }

    private ImportPlan plan(Path zip, boolean force) throws IOException {
        return ImportPlanner.plan(ProfileArchive.read(zip), homeB, new ImportPlanner.Options(force, false));
    }

    private ImportPlanner.Options options() {
        return new ImportPlanner.Options(false, false);
    }

    @Test
    void aProfileTravelsWholeBetweenTwoHomes() throws IOException {
        Path zip = export(false);
        ImportPlan plan = plan(zip, false);
        assertEquals(9, plan.with(ImportPlan.Action.CREATE).size(), plan.toString());
        ImportApplier.Applied applied = ImportApplier.apply(plan, zip, homeB, stateB.resolve("kept/x"));
        assertEquals(9, applied.written().size());
        Map<String, String> expected = tree(homeA);
        expected.remove("projects/-home-me/s1.jsonl");
        expected.remove("history.jsonl");
        assertEquals(expected, tree(homeB));
        assertTrue(Files.isExecutable(homeB.resolve("hooks/check.sh")));
        assertFalse(Files.isExecutable(homeB.resolve("commands/ship.md")));
        assertEquals(OLD, Files.getLastModifiedTime(homeB.resolve("CLAUDE.md")));
    }

    @Test
    void importingTheSameProfileAgainFindsEverythingTheSame() throws IOException {
        Path zip = export(false);
        ImportApplier.apply(plan(zip, false), zip, homeB, stateB.resolve("kept/x"));
        ImportPlan again = plan(zip, false);
        assertEquals(9, again.with(ImportPlan.Action.SAME).size());
        assertTrue(again.writes().isEmpty());
    }

    @Test
    void aDifferingFileIsAConflictWithoutForceAndKeptAsideWithIt() throws IOException {
        Path zip = export(false);
        write(homeB, "CLAUDE.md", "B's own rules\n");
        ImportPlan plain = plan(zip, false);
        assertEquals(List.of("CLAUDE.md"), plain.with(ImportPlan.Action.CONFLICT).stream().map(ImportPlan.Step::name).toList());
        Map<String, String> before = tree(homeB);
        assertThrows(Failure.BadInput.class, () -> ImportApplier.apply(plain, zip, homeB, stateB.resolve("kept/x")));
        assertEquals(before, tree(homeB));

        ImportPlan forced = plan(zip, true);
        assertEquals(1, forced.with(ImportPlan.Action.REPLACE).size());
        ImportApplier.Applied applied = ImportApplier.apply(forced, zip, homeB, stateB.resolve("kept/2026-03-10T080000Z"));
        assertEquals("# Zoë's rules\n", Files.readString(homeB.resolve("CLAUDE.md")));
        assertEquals(List.of(stateB.resolve("kept/2026-03-10T080000Z/CLAUDE.md")), applied.kept());
        assertEquals("B's own rules\n", Files.readString(applied.kept().get(0)));
    }

    @Test
    void credentialsPlantedEverywhereAreNeverExported() throws IOException {
        write(homeA, ".credentials.json", "{\"token\":\"x\"}");
        write(homeA, "agents/.credentials.json", "x");
        write(homeA, "commands/my-secret.md", "x");
        write(homeA, "hooks/credentials/token.txt", "x");
        write(homeA, "skills/api-Credential.json", "x");
        write(homeA, "settings.local.json", "{}");
        write(homeA, ".mcp.json", "{}");
        ExportPlan plan = ProfileExport.plan(homeA, false);
        List<String> names = plan.files().stream().map(ExportPlan.File::name).toList();
        for (String n : names) {
            assertFalse(n.toLowerCase().contains("credential") || n.contains("secret") || n.contains("settings.local")
                    || n.contains(".mcp"), n);
        }
        assertEquals(List.of("agents/.credentials.json", "commands/my-secret.md", "hooks/credentials/", "skills/api-Credential.json"),
                plan.skipped().stream().map(ExportPlan.Skipped::name).toList());
        Path zip = export(false);
        for (ProfileArchive.Entry e : ProfileArchive.read(zip).entries()) {
            assertTrue(ImportPlanner.unsafeName(e.name()) == null && ProfileItems.credentialIn(List.of(e.name().split("/"))) == null,
                    e.name());
        }
        assertTrue(names.containsAll(List.of("CLAUDE.md", "settings.json")));
    }

    @Test
    void localSettingsTravelOnlyWhenAskedOnBothEnds() throws IOException {
        write(homeA, "settings.local.json", "{\"permissions\":{}}");
        assertFalse(ProfileExport.plan(homeA, false).files().stream().anyMatch(f -> f.name().equals("settings.local.json")));
        Path zip = export(true);
        ImportPlan without = plan(zip, false);
        assertEquals("settings.local.json", without.with(ImportPlan.Action.SKIP).get(0).name());
        ImportPlan with = ImportPlanner.plan(ProfileArchive.read(zip), homeB, new ImportPlanner.Options(false, true));
        assertTrue(with.with(ImportPlan.Action.CREATE).stream().anyMatch(s -> s.name().equals("settings.local.json")));
    }

    @Test
    void linksInsideAreNotFollowedButALinkedTopLevelFileIsExported() throws IOException {
        Path outside = write(root, "elsewhere/passwd", "root:x:0:0\n");
        Files.createSymbolicLink(homeA.resolve("agents/leak.md"), outside);
        Path dotfiles = write(root, "dotfiles/CLAUDE.md", "# from dotfiles\n");
        Files.delete(homeA.resolve("CLAUDE.md"));
        Files.createSymbolicLink(homeA.resolve("CLAUDE.md"), dotfiles);
        ExportPlan plan = ProfileExport.plan(homeA, false);
        assertEquals(List.of("agents/leak.md"), plan.skipped().stream().map(ExportPlan.Skipped::name).toList());
        Path zip = export(false);
        ImportApplier.apply(plan(zip, false), zip, homeB, stateB.resolve("kept/x"));
        assertEquals("# from dotfiles\n", Files.readString(homeB.resolve("CLAUDE.md")));
        assertFalse(Files.exists(homeB.resolve("agents/leak.md")));
    }

    @Test
    void theExportListsTokensInWhatItExportsMasked() throws IOException {
        String token = "glpat-" + "Zx9Qw3Er5Ty7Ui1Op2As";
        write(homeA, "commands/deploy.md", "deploy with\nGITLAB=" + token + "\n");
        ExportPlan plan = ProfileExport.plan(homeA, false);
        assertEquals(1, plan.secrets().size());
        assertEquals("commands/deploy.md", plan.secrets().get(0).file().toString());
        assertEquals("line 2: a GitLab token (glpa…(26 chars))", plan.secrets().get(0).describe());
        assertFalse(plan.toString().contains(token));
    }

    @Test
    void theExportNeverOverwritesAFile() throws IOException {
        Path zip = Files.writeString(root.resolve("there.zip"), "mine");
        ExportPlan plan = ProfileExport.plan(homeA, false);
        assertThrows(Failure.BadInput.class, () -> ProfileZipWriter.write(plan, zip, "t", NOW));
        assertEquals("mine", Files.readString(zip));
    }

    @Test
    void theImportDoesNotWriteThroughALinkInTheDestination() throws IOException {
        Path zip = export(false);
        Path dotfiles = Files.createDirectories(root.resolve("dotfiles-agents"));
        Files.createSymbolicLink(homeB.resolve("agents"), dotfiles);
        ImportPlan plan = plan(zip, false);
        assertEquals(2, plan.with(ImportPlan.Action.REFUSE).size(), plan.toString());
        assertThrows(Failure.BadInput.class, () -> ImportApplier.apply(plan, zip, homeB, stateB.resolve("kept/x")));
        assertEquals(List.of(), tree(dotfiles).keySet().stream().toList());
    }
}
