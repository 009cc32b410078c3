package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sessions} over a generated history: every session once, newest first, filters as documented, an archive merged in. */
class SessionListTest {
    @TempDir
    Path tmp;

    private Path claude;
    private List<Path> files;

    @BeforeEach
    void generate() throws IOException {
        claude = GeneratedHistory.claude(tmp, 5);
        files = GeneratedHistory.transcripts(claude);
    }

    private static List<SessionRow> list(List<SessionSource> sources, SessionFilter filter) {
        Problems problems = new Problems();
        List<SessionRow> rows = SessionList.list(Catalog.of(sources, problems), new Summaries(SummaryCache.none()), filter, problems);
        assertTrue(problems.isEmpty(), problems.messages()::toString);
        return rows;
    }

    private List<SessionRow> live(SessionFilter filter) {
        return list(List.of(ProjectsTree.live(claude)), filter);
    }

    @Test
    void listsEverySessionOnceNewestFirst() throws IOException {
        List<SessionRow> rows = live(SessionFilter.ALL);
        assertEquals(files.size(), rows.size());
        assertEquals(12, rows.size());
        for (int i = 1; i < rows.size(); i++) {
            assertFalse(rows.get(i).lastActivity().isAfter(rows.get(i - 1).lastActivity()), "newest first");
        }
        for (SessionRow r : rows) {
            Path file = files.stream().filter(f -> f.getFileName().toString().equals(r.summary().id() + ".jsonl")).findFirst()
                    .orElseThrow();
            assertEquals(messagesIn(file), r.summary().messages());
            assertEquals(Files.size(file), r.summary().bytes());
            assertEquals(Origin.LIVE, r.status());
            assertTrue(r.summary().projectPath().startsWith("/home/me/"));
        }
    }

    private static long messagesIn(Path file) throws IOException {
        long n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String type = Json.COMPACT.readTree(line).path("type").asText();
            n += type.equals("user") || type.equals("assistant") ? 1 : 0;
        }
        return n;
    }

    @Test
    void projectChoosesByPathOrFolderName() {
        List<SessionRow> rows = live(new SessionFilter(new ProjectFilter("BÜCHER"), TimeWindow.ALWAYS, false, 0));
        assertEquals(4, rows.size());
        rows.forEach(r -> assertEquals("/home/me/code/Bücher app", r.summary().projectPath()));
        assertEquals(4, live(new SessionFilter(new ProjectFilter("work-api"), TimeWindow.ALWAYS, false, 0)).size());
        assertEquals(0, live(new SessionFilter(new ProjectFilter("nowhere"), TimeWindow.ALWAYS, false, 0)).size());
    }

    @Test
    void sinceAndUntilKeepTheSessionsActiveInTheWindow() {
        List<SessionRow> all = live(SessionFilter.ALL);
        Instant middle = all.get(all.size() / 2).lastActivity();
        TimeWindow window = new TimeWindow(middle.minusSeconds(3 * 86400), middle);
        List<SessionRow> kept = live(new SessionFilter(ProjectFilter.ANY, window, false, 0));
        assertFalse(kept.isEmpty());
        for (SessionRow r : all) {
            boolean active = !r.lastActivity().isBefore(window.since()) && r.firstActivity().isBefore(window.until());
            assertEquals(active, kept.stream().anyMatch(k -> k.summary().id().equals(r.summary().id())), r.summary().id());
        }
    }

    @Test
    void lastKeepsTheNewest() {
        List<SessionRow> all = live(SessionFilter.ALL);
        assertEquals(all.subList(0, 3), live(new SessionFilter(ProjectFilter.ANY, TimeWindow.ALWAYS, false, 3)));
    }

    @Test
    void anArchiveSourceMergesIn() throws IOException {
        Path archive = tmp.resolve("archive").resolve("projects");
        Path stillLive = files.get(0);
        Path deleted = files.get(1);
        GeneratedHistory.archive(archive, stillLive);
        GeneratedHistory.archive(archive, deleted);
        String deletedId = deleted.getFileName().toString().replace(".jsonl", "");
        Files.delete(deleted);
        List<SessionSource> sources = List.of(ProjectsTree.live(claude), new ProjectsTree(archive, Origin.ARCHIVE));

        List<SessionRow> rows = list(sources, SessionFilter.ALL);
        assertEquals(12, rows.size(), "a session in both is one row");
        for (SessionRow r : rows) {
            assertEquals(r.summary().id().equals(deletedId) ? Origin.ARCHIVE : Origin.LIVE, r.status());
        }
        List<SessionRow> gone = list(sources, new SessionFilter(ProjectFilter.ANY, TimeWindow.ALWAYS, true, 0));
        assertEquals(List.of(deletedId), gone.stream().map(r -> r.summary().id()).toList());
    }

    @Test
    void showReadsTheUnionOfTheArchivedAndTheLiveLines() throws IOException {
        Path archive = tmp.resolve("archive").resolve("projects");
        Path file = files.get(2);
        List<String> before = Files.readAllLines(file, StandardCharsets.UTF_8);
        GeneratedHistory.archive(archive, file);
        Files.writeString(file, "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"later\"}}\n",
                java.nio.file.StandardOpenOption.APPEND);
        Catalog catalog = Catalog.of(List.of(ProjectsTree.live(claude), new ProjectsTree(archive, Origin.ARCHIVE)), new Problems());
        CatalogEntry entry = catalog.entries().stream()
                .filter(e -> (e.id() + ".jsonl").equals(file.getFileName().toString())).findFirst().orElseThrow();
        List<String> lines = new ArrayList<>();
        SessionLines.main(entry, (line, number, size) -> lines.add(new String(line, StandardCharsets.UTF_8)), new Problems());
        List<String> expected = new ArrayList<>(before);
        expected.add("{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":\"later\"}}");
        assertEquals(expected, lines);
        JsonNode last = Json.COMPACT.readTree(lines.get(lines.size() - 1));
        assertEquals("later", last.path("message").path("content").asText());
    }
}
