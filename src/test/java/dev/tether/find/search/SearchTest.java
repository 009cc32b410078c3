package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.find.Catalog;
import dev.tether.find.Problems;
import dev.tether.find.ProjectFilter;
import dev.tether.find.ProjectsTree;
import dev.tether.find.TimeWindow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Search's choices: newest session first, what a hit says, --project, --since/--until, --limit. */
class SearchTest {
    @TempDir
    Path tmp;

    private Catalog catalog;

    private void session(String key, String id, String time, String... texts) throws IOException {
        Path f = tmp.resolve(".claude").resolve("projects").resolve(key).resolve(id + ".jsonl");
        Files.createDirectories(f.getParent());
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            lines.append("{\"type\":\"user\",\"uuid\":\"").append(id).append('-').append(i).append("\",\"cwd\":\"/home/me/")
                    .append(key.substring(1)).append("\",\"timestamp\":\"").append(Instant.parse(time).plusSeconds(i))
                    .append("\",\"message\":{\"role\":\"user\",\"content\":\"").append(texts[i]).append("\"}}\n");
        }
        Files.writeString(f, lines);
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse(time).plusSeconds(texts.length)));
    }

    @BeforeEach
    void sessions() throws IOException {
        session("-app", "old", "2026-01-01T00:00:00Z", "fix the parser", "the parser again");
        session("-api", "new", "2026-03-01T00:00:00Z", "parser of the api");
        session("-app", "mid", "2026-02-01T00:00:00Z", "nothing here");
        catalog = Catalog.of(List.of(ProjectsTree.live(tmp.resolve(".claude"))), new Problems());
    }

    private record Found(List<Hit> hits, boolean limited) {
    }

    private Found search(Search.Query q) {
        Problems problems = new Problems();
        List<Hit> hits = new ArrayList<>();
        Search.Outcome o = Search.run(catalog, q, hits::add, problems);
        assertTrue(problems.isEmpty(), problems.messages()::toString);
        assertEquals(hits.size(), o.hits());
        return new Found(hits, o.limited());
    }

    @Test
    void newestSessionFirstThenInOrder() {
        Found r = search(new Search.Query(List.of("PARSER"), ProjectFilter.ANY, TimeWindow.ALWAYS, 0));
        assertEquals(List.of("new-0", "old-0", "old-1"), r.hits().stream().map(Hit::uuid).toList());
        assertFalse(r.limited());
        Hit h = r.hits().get(0);
        assertEquals("new", h.sessionId());
        assertEquals("-api", h.projectKey());
        assertEquals("/home/me/api", h.projectPath());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), h.timestamp());
        assertEquals("user", h.where());
        assertEquals("parser of the api", h.snippet().plain());
        assertNotNull(h.file());
    }

    @Test
    void projectSinceAndUntilChoose() {
        assertEquals(List.of("old-0", "old-1"), search(new Search.Query(List.of("parser"), new ProjectFilter("app"), TimeWindow.ALWAYS, 0))
                .hits().stream().map(Hit::uuid).toList());
        TimeWindow feb = new TimeWindow(Instant.parse("2026-01-01T00:00:01Z"), Instant.parse("2026-03-01T00:00:00Z"));
        assertEquals(List.of("old-1"), search(new Search.Query(List.of("parser"), ProjectFilter.ANY, feb, 0))
                .hits().stream().map(Hit::uuid).toList());
    }

    @Test
    void theLimitStopsTheSearchAndSaysSo() {
        Found r = search(new Search.Query(List.of("parser"), ProjectFilter.ANY, TimeWindow.ALWAYS, 2));
        assertEquals(2, r.hits().size());
        assertTrue(r.limited());
    }

    @Test
    void noHitIsAnEmptyResult() {
        assertTrue(search(new Search.Query(List.of("parser", "nothing"), ProjectFilter.ANY, TimeWindow.ALWAYS, 0)).hits().isEmpty());
    }
}
