package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tether.blackbox.Tether;
import dev.tether.testing.InProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup with nothing new reads the index of sessions only when the live set or the index changed since it
 * was last marked; either way every session's live flag ends up as the live files say.
 */
class LiveStampTest {
    @TempDir
    Path tmp;

    @Test
    void theDigestIsOfTheSetNotItsOrder() {
        List<String> rels = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rels.add("projects/-k" + (i % 7) + "/s" + i + ".jsonl");
        }
        String digest = LiveStamp.digest(rels);
        Collections.shuffle(rels, new java.util.Random(7));
        assertEquals(digest, LiveStamp.digest(rels));
        rels.set(3, rels.get(3) + "x");
        assertNotEquals(digest, LiveStamp.digest(rels));
        rels.remove(3);
        assertNotEquals(digest, LiveStamp.digest(rels));
        assertNotEquals(LiveStamp.digest(List.of("a", "b")), LiveStamp.digest(List.of("a", "c")));
    }

    @Test
    void aDeletedTranscriptIsMarkedArchivedOnlyAndAnIndexWrittenBySomeoneElseIsMarkedAgain() throws IOException {
        Path home = tmp.resolve("home");
        Path claude = Files.createDirectories(home.resolve(".claude/projects/-k"));
        Path archive = tmp.resolve("archive");
        Files.writeString(claude.resolve("a.jsonl"), "{\"type\":\"user\",\"message\":{\"content\":\"a\"}}\n");
        Files.writeString(claude.resolve("b.jsonl"), "{\"type\":\"user\",\"message\":{\"content\":\"b\"}}\n");
        backup(home, archive);
        ArchiveLayout layout = new ArchiveLayout(archive);
        assertEquals(Map.of("a", true, "b", true), liveFlags(layout));
        assertTrue(Files.exists(layout.liveStamp()));

        Files.delete(claude.resolve("b.jsonl")); // Claude Code's sweep: nothing new, one session gone
        backup(home, archive);
        assertEquals(Map.of("a", true, "b", false), liveFlags(layout));

        Object identity = identity(layout);
        backup(home, archive); // nothing changed: the index is not read, let alone written
        assertEquals(identity, identity(layout));

        // someone else (an older tether, a reindex) writes the index with b live again: marked again
        byte[] stale = new ObjectMapper().writeValueAsBytes(new ObjectMapper().readTree(Files.readAllBytes(layout.index())));
        Files.write(layout.index(), new String(stale, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"live\":false", "\"live\":true").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.setLastModifiedTime(layout.index(), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        assertEquals(Map.of("a", true, "b", true), liveFlags(layout));
        backup(home, archive);
        assertEquals(Map.of("a", true, "b", false), liveFlags(layout));
    }

    private static void backup(Path home, Path archive) {
        Tether.Result r = InProcess.run(home, "backup", "--archive", archive.toString());
        assertEquals(0, r.exitCode(), r::toString);
    }

    private static Map<String, Boolean> liveFlags(ArchiveLayout layout) throws IOException {
        Map<String, Boolean> out = new TreeMap<>();
        for (JsonNode e : new ObjectMapper().readTree(Files.readAllBytes(layout.index()))) {
            out.put(e.path("id").asText(), e.path("live").asBoolean());
        }
        return out;
    }

    private static Object identity(ArchiveLayout layout) throws IOException {
        BasicFileAttributes a = Files.readAttributes(layout.index(), BasicFileAttributes.class);
        return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
    }
}
