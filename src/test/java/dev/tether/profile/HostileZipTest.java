package dev.tether.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.Failure;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A zip from anyone: every unsafe entry is refused, the whole import stops with exit 2, and nothing is
 * written (on Jimfs, where the planner runs without a disk).
 */
class HostileZipTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path claude = fs.getPath("/home/me/.claude");
    private final Path zip = fs.getPath("/tmp/profile.zip");
    private final Path kept = fs.getPath("/state/kept/now");

    @BeforeEach
    void home() throws IOException {
        Files.createDirectories(claude.resolve("agents"));
        Files.writeString(claude.resolve("CLAUDE.md"), "mine\n");
        Files.createDirectories(fs.getPath("/etc"));
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private Map<String, String> everything() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(fs.getPath("/"))) {
            for (Path p : (Iterable<Path>) all::iterator) {
                out.put(p.toString(), Files.isRegularFile(p) && !p.equals(zip) ? Files.readString(p) : "");
            }
        }
        return out;
    }

    /** Plans the zip, checks the one refused entry and its reason, and that applying writes nothing. */
    private void refused(ZipMaker maker, String entry, String reason) throws IOException {
        maker.write(zip);
        Map<String, String> before = everything();
        ImportPlan plan = ImportPlanner.plan(ProfileArchive.read(zip), claude, new ImportPlanner.Options(true, true));
        List<ImportPlan.Step> refusals = plan.with(ImportPlan.Action.REFUSE);
        assertEquals(List.of(entry), refusals.stream().map(ImportPlan.Step::name).toList(), plan.toString());
        assertEquals(true, refusals.get(0).reason().contains(reason), refusals.get(0).reason());
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> ImportApplier.apply(plan, zip, claude, kept));
        assertEquals(2, e.exitCode());
        assertEquals(before, everything());
    }

    private static ZipMaker profile() {
        return new ZipMaker().add("agents/fine.md", "fine\n");
    }

    @Test
    void aNameThatClimbsOutIsRefused() throws IOException {
        refused(profile().add("../x", "owned"), "../x", "climbs out");
    }

    @Test
    void aNameThatClimbsOutFromInsideIsRefused() throws IOException {
        refused(profile().add("agents/../../x", "owned"), "agents/../../x", "climbs out");
    }

    @Test
    void anAbsoluteNameIsRefused() throws IOException {
        refused(profile().add("/etc/x", "owned"), "/etc/x", "absolute");
    }

    @Test
    void aDriveLetterOrBackslashIsRefused() throws IOException {
        refused(profile().add("C:/x", "owned"), "C:/x", "absolute");
        refused(profile().add("agents\\..\\..\\x", "owned"), "agents\\..\\..\\x", "backslash");
    }

    @Test
    void aSymbolicLinkEntryIsRefused() throws IOException {
        refused(profile().add("agents/link.md", "/etc/passwd").build().unixMode("agents/link.md", 0120777), "agents/link.md",
                "symbolic link");
    }

    @Test
    void aDeviceEntryIsRefused() throws IOException {
        refused(profile().add("agents/tty", "").build().unixMode("agents/tty", 0020644), "agents/tty", "device");
    }

    @Test
    void aCredentialIsNeverImported() throws IOException {
        refused(profile().add(".credentials.json", "{}"), ".credentials.json", "credential");
        refused(profile().add("agents/.credentials.json", "{}"), "agents/.credentials.json", "credential");
        refused(profile().add("commands/secret-notes.md", "x"), "commands/secret-notes.md", "credential");
        refused(profile().add(".mcp.json", "{}"), ".mcp.json", "credential");
    }

    @Test
    void somethingThatIsNotPartOfAProfileIsRefused() throws IOException {
        refused(profile().add("projects/-home-me/s.jsonl", "{}"), "projects/-home-me/s.jsonl", "not part of a config profile");
    }

    @Test
    void aZipWhoseTwoDirectoriesDisagreeIsNotReadAtAll() throws IOException {
        profile().add("agents/a.md", "a").build().renameInCentral("agents/a.md", "agents/b.md").write(zip);
        Failure.BadInput e = assertThrows(Failure.BadInput.class, () -> ProfileArchive.read(zip));
        assertEquals(true, e.getMessage().contains("central directory"), e.getMessage());
    }

    @Test
    void somethingThatIsNotAZipIsBadInput() throws IOException {
        Files.createDirectories(zip.getParent());
        Files.writeString(zip, "not a zip");
        assertThrows(Failure.BadInput.class, () -> ProfileArchive.read(zip));
    }

    @Test
    void aSafeProfileOnJimfsPlansCreateAndSame() throws IOException {
        new ZipMaker().add("agents/new.md", "new\n").add("CLAUDE.md", "mine\n").build().write(zip);
        ImportPlan plan = ImportPlanner.plan(ProfileArchive.read(zip), claude, new ImportPlanner.Options(false, false));
        assertEquals(List.of("create agents/new.md", "same CLAUDE.md"),
                plan.steps().stream().map(s -> s.action().id() + " " + s.name()).toList());
    }
}
