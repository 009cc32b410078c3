package dev.tether.find.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.find.Catalog;
import dev.tether.find.CatalogEntry;
import dev.tether.find.Problems;
import dev.tether.find.ProjectsTree;
import dev.tether.find.Summaries;
import dev.tether.find.SummaryCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-written transcript of odd lines (a broken line, a JSON array, a line without type, unknown
 * types with and without timestamps, an image, an unknown block, terminal escapes and a bell in tool
 * output, a CRLF line, a blank line, an output over 2,000 characters on one line, a result for an
 * unknown call, a user line without message), held to golden files: nothing is dropped silently.
 */
class EdgeCasesTest {
    private static final RenderOptions UTC = RenderOptions.in(ZoneId.of("UTC"));

    @TempDir
    Path tmp;

    private CatalogEntry entry;
    private Summaries summaries;

    @BeforeEach
    void place() throws IOException {
        Path claude = tmp.resolve(".claude");
        Path file = claude.resolve("projects").resolve("-home-me-edge-case").resolve("0e1d2c3b-0000-4000-8000-000000000001.jsonl");
        Files.createDirectories(file.getParent());
        try (InputStream in = getClass().getResourceAsStream("fixtures/edge.jsonl")) {
            Files.copy(in, file);
        }
        entry = Catalog.of(List.of(ProjectsTree.live(claude)), new Problems()).entries().get(0);
        summaries = new Summaries(SummaryCache.none());
    }

    @Test
    void text() throws IOException {
        Problems problems = new Problems();
        StringBuilder out = new StringBuilder();
        Show.session(entry, summaries.of(entry, new Problems()), new TextFormat(out, UTC, Style.PLAIN), problems);
        Golden.check("edge.txt", out.toString());
        assertFalse(out.toString().contains("\u001b"), "no terminal escape reaches the output");
        assertEquals(1, problems.messages().size(), problems.messages()::toString);
        assertTrue(problems.messages().get(0).contains("2 lines skipped, the first (line 4)"), problems.messages()::toString);
    }

    @Test
    void markdown() throws IOException {
        StringBuilder out = new StringBuilder();
        Show.session(entry, summaries.of(entry, new Problems()), new MarkdownFormat(out, UTC, 1), new Problems());
        Golden.check("edge.md", out.toString());
    }

    @Test
    void theSummaryCountsEveryLine() {
        Problems problems = new Problems();
        assertEquals(18, summaries.of(entry, problems).lines());
        assertEquals("Look at `this` image please", summaries.of(entry, problems).firstPrompt());
        assertEquals("/home/me/edge case", summaries.of(entry, problems).projectPath());
    }
}
