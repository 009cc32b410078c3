package dev.tether.keep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.testing.Sandbox;
import dev.tether.testing.Sandbox.Device;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The retention guard of setup, unlink and verify (in-process, real directories): setup adds
 * {@code cleanupPeriodDays: 36500} only when nobody chose a value, keeping every other key, its order and
 * value; a linked settings.json stays a link; invalid JSON is left untouched and reported; a managed value
 * wins; unlink removes only tether's own value.
 */
class RetentionGuardTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Sandbox s;
    private Path settings;
    private Path managed;

    @BeforeEach
    void sandbox() throws IOException {
        s = Sandbox.create(tmp.resolve("sandbox"), Device.SAME).generate(1414);
        settings = s.claude.resolve("settings.json");
        managed = tmp.resolve("etc").resolve("managed-settings.json"); // absent unless a test writes it
    }

    @AfterEach
    void close() throws IOException {
        s.close();
    }

    private Tether.Result tether(String... args) {
        return InProcess.runIn(s.home, Map.of(), e -> e.withManagedSettings(managed), args);
    }

    private Tether.Result setup(String... extra) {
        List<String> args = new ArrayList<>(List.of("setup", "--sync-root", s.syncRoot.toString(), "--yes"));
        args.addAll(List.of(extra));
        Tether.Result r = tether(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        return r;
    }

    private static ObjectNode read(Path file) throws IOException {
        return (ObjectNode) JSON.readTree(Files.readString(file));
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private JsonNode retentionFinding(Tether.Result verify) {
        return StreamSupport.stream(verify.json().path("findings").spliterator(), false)
                .filter(f -> f.path("id").asText().equals("retention")).findFirst().orElseThrow(() -> new AssertionError(verify));
    }

    @Test
    void setupAddsTheKeyLastAndKeepsEveryOtherKeyItsOrderAndValue() throws IOException {
        ObjectNode before = read(settings);
        Tether.Result r = setup("--json");
        assertEquals("retain", r.json().path("retention").path("action").asText(), r::toString);
        assertEquals("done", r.json().path("retention").path("result").asText());
        ObjectNode after = read(settings);
        List<String> expected = new ArrayList<>(names(before));
        expected.add("cleanupPeriodDays");
        assertEquals(expected, names(after));
        assertEquals(36500, after.get("cleanupPeriodDays").asInt());
        after.remove("cleanupPeriodDays");
        assertEquals(before, after);
        assertEquals("ok", retentionFinding(tether("verify", "--json")).path("status").asText());
    }

    @Test
    void aSecondSetupChangesNothing() throws IOException {
        setup();
        byte[] once = Files.readAllBytes(settings);
        Tether.Result r = setup("--json");
        assertEquals("ok", r.json().path("retention").path("action").asText(), r::toString);
        assertArrayEquals(once, Files.readAllBytes(settings));
    }

    @Test
    void aLinkedSettingsFileStaysALink() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("dotfiles")).resolve("claude-settings.json");
        Files.move(settings, elsewhere);
        Files.createSymbolicLink(settings, elsewhere);
        setup();
        assertTrue(Files.isSymbolicLink(settings));
        assertEquals(elsewhere, Files.readSymbolicLink(settings));
        assertEquals(36500, read(elsewhere).get("cleanupPeriodDays").asInt());
    }

    @Test
    void invalidJsonIsLeftUntouchedAndReported() throws IOException {
        Files.writeString(settings, "{\"model\": \"opus\",}\n");
        byte[] before = Files.readAllBytes(settings);
        Tether.Result r = setup("--json");
        assertEquals("leave", r.json().path("retention").path("action").asText(), r::toString);
        assertTrue(r.json().path("retention").path("message").asText().contains("not valid JSON"), r::toString);
        assertArrayEquals(before, Files.readAllBytes(settings));
        assertEquals("error", retentionFinding(tether("verify", "--json")).path("status").asText());
    }

    @Test
    void theUsersOwnValueIsNeverOverriddenAndThePlanSaysWhatItDeletes() throws IOException {
        Files.writeString(settings, "{\n  \"cleanupPeriodDays\": 30\n}\n");
        byte[] before = Files.readAllBytes(settings);
        Tether.Result r = setup("--dry-run");
        assertTrue(r.stdout().contains("warning:") && r.stdout().contains("older than 30 days")
                && r.stdout().contains(s.synced.resolve("projects").toString()), r::toString);
        setup();
        assertArrayEquals(before, Files.readAllBytes(settings));
        JsonNode finding = retentionFinding(tether("verify", "--json"));
        assertEquals("error", finding.path("status").asText(), finding::toString);
        assertTrue(finding.path("hint").asText().contains("36500"), finding::toString);
    }

    @Test
    void theManagedValueWinsAndTheUsersFileIsLeftAlone() throws IOException {
        Files.createDirectories(managed.getParent());
        Files.writeString(managed, "{\"cleanupPeriodDays\": 45}");
        byte[] before = Files.readAllBytes(settings);
        Tether.Result r = setup("--json");
        assertEquals("ok", r.json().path("retention").path("action").asText(), r::toString);
        assertEquals("managed", r.json().path("retention").path("source").asText());
        assertEquals(45, r.json().path("retention").path("cleanupPeriodDays").asInt());
        assertArrayEquals(before, Files.readAllBytes(settings));
    }

    @Test
    void noRetainLeavesTheSettingsAlone() throws IOException {
        byte[] before = Files.readAllBytes(settings);
        Tether.Result r = setup("--no-retain", "--json");
        assertEquals("skip", r.json().path("retention").path("action").asText(), r::toString);
        assertArrayEquals(before, Files.readAllBytes(settings));
    }

    @Test
    void unlinkRemovesOnlyTethersOwnValueAndKeepsWhatTheUserAddedSince() throws IOException {
        setup();
        ObjectNode edited = read(settings);
        edited.put("theme", "dark");
        Files.writeString(settings, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(edited));
        Tether.Result r = tether("unlink", "--yes");
        assertEquals(0, r.exitCode(), r::toString);
        ObjectNode after = read(settings);
        assertFalse(after.has("cleanupPeriodDays"), after::toString);
        assertEquals("dark", after.get("theme").asText());
    }

    @Test
    void unlinkLeavesAValueTheUserChoseAfterSetup() throws IOException {
        setup();
        ObjectNode edited = read(settings);
        edited.put("cleanupPeriodDays", 90);
        Files.writeString(settings, JSON.writeValueAsString(edited));
        Tether.Result r = tether("unlink", "--yes", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals("leave", r.json().path("retention").path("action").asText(), r::toString);
        assertEquals(90, read(settings).get("cleanupPeriodDays").asInt());
    }

    @Test
    void withoutSettingsSetupMakesOneHoldingOnlyTheKeyAndUnlinkRemovesIt() throws IOException {
        Files.delete(settings);
        setup();
        assertEquals("{\n  \"cleanupPeriodDays\": 36500\n}\n", Files.readString(settings));
        assertEquals(0, tether("unlink", "--yes").exitCode());
        assertFalse(Files.exists(settings));
    }

    @Test
    void unlinkOfSomeItemsKeepsTheValueWhileOthersStayLinked() throws IOException {
        setup();
        Tether.Result r = tether("unlink", "--item", "tasks", "--yes");
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(36500, read(settings).get("cleanupPeriodDays").asInt());
    }
}
