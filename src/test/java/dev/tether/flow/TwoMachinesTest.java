package dev.tether.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import dev.tether.testing.Safety;
import dev.tether.apply.Trees;
import dev.tether.demo.SampleData;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 3, must-show 1: two homes, one synced folder. Machine A sets up first; machine B has its own
 * history, continued a session of A's, and holds a different version of one binary file. After B's
 * setup every line of both histories and of both versions of the session is in the synced copy once,
 * ordered by timestamp; B's differing binary is kept under B's state dir; both machines verify clean.
 */
class TwoMachinesTest {
    private Path work;
    private Path homeA;
    private Path homeB;
    private Path sync;

    @BeforeEach
    void homes() throws IOException {
        work = Files.createTempDirectory("tether-two-machines-");
        homeA = work.resolve("a");
        homeB = work.resolve("b");
        sync = work.resolve("Sync");
        Files.createDirectories(sync);
        SampleData.generate(homeA.resolve(".claude"), 1, SampleData.Scale.SMALL);
        SampleData.generate(homeB.resolve(".claude"), 2, SampleData.Scale.SMALL);
    }

    @AfterEach
    void clean() throws IOException {
        Trees.deleteIfExists(work);
    }

    @Test
    void secondMachineMergeKeepsEveryLineOnceAndKeepsTheDifferingBinary() throws IOException {
        Path claudeA = homeA.resolve(".claude");
        Path claudeB = homeB.resolve(".claude");
        // B continued one of A's sessions: the same file with A's lines, then lines of its own
        Path sessionA = firstSession(claudeA);
        Path rel = claudeA.relativize(sessionA);
        Path sessionB = claudeB.resolve(rel.toString());
        Files.createDirectories(sessionB.getParent());
        Files.copy(sessionA, sessionB);
        append(sessionA, "a-continued", 3);
        append(sessionB, "b-continued", 4);
        // the same file-history snapshot path with different bytes on each machine
        Path binRel = Path.of("file-history", "shared-uuid", "snapshot@v1");
        Files.createDirectories(claudeA.resolve(binRel.toString()).getParent());
        Files.createDirectories(claudeB.resolve(binRel.toString()).getParent());
        Files.write(claudeA.resolve(binRel.toString()), new byte[] {1, 2, 3, 0, (byte) 0xff});
        Files.write(claudeB.resolve(binRel.toString()), new byte[] {9, 8, 7, 0, (byte) 0xfe});

        Set<String> historyLines = new HashSet<>(lines(claudeA.resolve("history.jsonl")));
        historyLines.addAll(lines(claudeB.resolve("history.jsonl")));
        Set<String> sessionLines = new HashSet<>(lines(sessionA));
        sessionLines.addAll(lines(sessionB));
        byte[] binaryB = Files.readAllBytes(claudeB.resolve(binRel.toString()));

        Tether.Result a = InProcess.run(homeA, "setup", "--sync-root", sync.toString(), "--yes");
        assertEquals(0, a.exitCode(), a.toString());
        Tether.Result b = InProcess.run(homeB, "--json", "setup", "--sync-root", sync.toString(), "--yes");
        assertEquals(0, b.exitCode(), b.toString());

        Path synced = sync.resolve(".claude-session-backup");
        assertExactlyOnceInTimestampOrder(synced.resolve("history.jsonl"), historyLines);
        assertExactlyOnceInTimestampOrder(synced.resolve(rel.toString()), sessionLines);
        assertEquals(List.of((byte) 1, (byte) 2, (byte) 3, (byte) 0, (byte) 0xff),
                bytes(Files.readAllBytes(synced.resolve(binRel.toString()))), "the synced binary stays A's");
        JsonNode doc = Json.COMPACT.readTree(b.stdout());
        List<Path> kept = new ArrayList<>();
        doc.path("kept").forEach(k -> kept.add(Path.of(k.asText())));
        assertEquals(1, kept.size(), "exactly the differing binary is kept: " + kept);
        Path keptFile = kept.get(0);
        assertTrue(keptFile.startsWith(homeB.resolve(".local/state/tether/kept")), keptFile.toString());
        assertTrue(keptFile.endsWith(Path.of("file-history", "shared-uuid", "snapshot@v1")), keptFile.toString());
        assertEquals(bytes(binaryB), bytes(Files.readAllBytes(keptFile)));

        // both machines see the merged data through their links and verify clean
        assertEquals(Files.readString(synced.resolve("history.jsonl")), Files.readString(claudeA.resolve("history.jsonl")));
        assertEquals(Files.readString(synced.resolve("history.jsonl")), Files.readString(claudeB.resolve("history.jsonl")));
        Tether.Result verifyA = InProcess.run(homeA, "--json", "verify");
        Tether.Result verifyB = InProcess.run(homeB, "--json", "verify");
        assertEquals(0, verifyA.exitCode(), verifyA.toString());
        assertEquals(0, verifyB.exitCode(), verifyB.toString());
        assertTrue(verifyB.stdout().contains("\"machines\""), "B sees the registry");
        assertEquals(2, countMachines(Json.COMPACT.readTree(verifyA.stdout())), verifyA.stdout());
    }

    @Test
    void aSecondSetupOnTheSecondMachineChangesNothing() throws IOException {
        assertEquals(0, InProcess.run(homeA, "setup", "--sync-root", sync.toString(), "--yes").exitCode());
        assertEquals(0, InProcess.run(homeB, "setup", "--sync-root", sync.toString(), "--yes").exitCode());
        String before = Files.readString(sync.resolve(".claude-session-backup/history.jsonl"));
        Tether.Result again = InProcess.run(homeB, "--json", "setup", "--yes");
        assertEquals(0, again.exitCode(), again.toString());
        Json.COMPACT.readTree(again.stdout()).path("items")
                .forEach(i -> assertTrue(List.of("ok", "absent").contains(i.path("action").asText()), i.toString()));
        assertEquals(before, Files.readString(sync.resolve(".claude-session-backup/history.jsonl")));
    }

    @Test
    void machinesListsTheOtherMachineAndWarnsWhenItLinksOtherItems() throws IOException {
        assertEquals(0, InProcess.run(homeA, "setup", "--sync-root", sync.toString(), "--yes").exitCode());
        assertEquals(0, InProcess.run(homeB, "setup", "--sync-root", sync.toString(), "--item", "history.jsonl", "--yes")
                .exitCode());
        JsonNode verify = Json.COMPACT.readTree(InProcess.run(homeB, "--json", "verify").stdout());
        List<JsonNode> machines = new ArrayList<>();
        verify.path("findings").forEach(f -> {
            if (f.path("id").asText().equals("machines")) {
                machines.add(f);
            }
        });
        assertEquals(2, machines.size(), machines.toString());
        JsonNode other = machines.stream().filter(m -> !m.path("message").asText().startsWith("this machine")).findFirst()
                .orElseThrow();
        assertEquals("warn", other.path("status").asText(), other.toString());
        assertTrue(other.path("message").asText().contains("last ran tether setup"), other.toString());
        assertTrue(other.path("message").asText().contains("projects"), "names what the other machine links: " + other);
    }

    private static int countMachines(JsonNode verify) {
        int n = 0;
        for (JsonNode f : verify.path("findings")) {
            if (f.path("id").asText().equals("machines")) {
                n++;
            }
        }
        return n;
    }

    private static void assertExactlyOnceInTimestampOrder(Path file, Set<String> expected) throws IOException {
        List<String> merged = lines(file);
        assertEquals(expected, new HashSet<>(merged), "every line of both sides, nothing else: " + file);
        assertEquals(merged.size(), new HashSet<>(merged).size(), "no line twice: " + file);
        Instant last = Instant.MIN;
        for (String line : merged) {
            JsonNode ts = Json.COMPACT.readTree(line).get("timestamp");
            Instant t = ts.isNumber() ? Instant.ofEpochMilli(ts.asLong()) : Instant.parse(ts.asText());
            assertTrue(!t.isBefore(last), "ordered by timestamp: " + line);
            last = t;
        }
    }

    private static Path firstSession(Path claude) throws IOException {
        try (Stream<Path> s = Files.walk(claude.resolve("projects"))) {
            return s.filter(p -> p.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
        }
    }

    private static void append(Path session, String who, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        Instant t = Instant.parse("2030-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            sb.append("{\"type\":\"user\",\"uuid\":\"").append(who).append('-').append(i).append("\",\"timestamp\":\"")
                    .append(t.plusSeconds(i * 60L + who.length())).append("\",\"message\":\"").append(who).append("\"}\n");
        }
        Files.writeString(session, sb.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    private static List<Byte> bytes(byte[] b) {
        List<Byte> out = new ArrayList<>();
        for (byte x : b) {
            out.add(x);
        }
        return out;
    }
}
