package dev.tether.find.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.demo.SampleData;
import dev.tether.find.Block;
import dev.tether.find.Catalog;
import dev.tether.find.CatalogEntry;
import dev.tether.find.Problems;
import dev.tether.find.ProjectsTree;
import dev.tether.find.SessionLines;
import dev.tether.find.SessionSummary;
import dev.tether.find.Summaries;
import dev.tether.find.SummaryCache;
import dev.tether.find.TranscriptLine;
import dev.tether.find.TranscriptParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code show} of fixed generated sessions, held to golden files: text and Markdown of sessions that
 * together hold every line type, a Markdown digest of several, and JSONL equal to the stored lines.
 */
class GoldenTest {
    private static final RenderOptions UTC = RenderOptions.in(ZoneId.of("UTC"));

    @TempDir
    Path tmp;

    private List<CatalogEntry> entries;
    private Summaries summaries;
    private Problems problems;

    @BeforeEach
    void generate() throws IOException {
        Path claude = tmp.resolve(".claude");
        SampleData.generate(claude, 21, new SampleData.Scale(0, 2, 2, 20, 0, 1), Instant.parse("2026-05-01T12:00:00Z"));
        problems = new Problems();
        entries = Catalog.of(List.of(ProjectsTree.live(claude)), problems).entries();
        summaries = new Summaries(SummaryCache.none());
    }

    private String text(CatalogEntry e) {
        StringBuilder out = new StringBuilder();
        Show.session(e, summaries.of(e, problems), new TextFormat(out, UTC, Style.PLAIN), problems);
        return out.toString();
    }

    private String markdown(CatalogEntry e) {
        StringBuilder out = new StringBuilder();
        Show.session(e, summaries.of(e, problems), new MarkdownFormat(out, UTC, 1), problems);
        return out.toString();
    }

    @Test
    void textOfGeneratedSessions() throws IOException {
        Golden.check("session-a.txt", text(entries.get(0)));
        Golden.check("session-b.txt", text(entries.get(3)));
        assertTrue(problems.isEmpty(), problems.messages()::toString);
    }

    @Test
    void markdownOfGeneratedSessions() throws IOException {
        Golden.check("session-a.md", markdown(entries.get(0)));
        Golden.check("session-b.md", markdown(entries.get(3)));
    }

    @Test
    void markdownDigestOfSeveralSessions() throws IOException {
        StringBuilder out = new StringBuilder();
        List<CatalogEntry> two = List.of(entries.get(1), entries.get(2));
        List<SessionSummary> s = two.stream().map(e -> summaries.of(e, problems)).toList();
        Show.sessions(two, s, new MarkdownFormat(out, UTC.withFull(true), 2), problems);
        Golden.check("digest.md", out.toString());
    }

    @Test
    void theGoldenSessionsHoldEveryLineType() {
        Set<String> seen = new TreeSet<>();
        for (CatalogEntry e : List.of(entries.get(0), entries.get(3))) {
            SessionLines.main(e, (line, number, size) -> {
                TranscriptLine l = (TranscriptLine) TranscriptParser.parse(line);
                seen.add(l.type() + (l.timestamp() == null ? " without timestamp" : "") + (l.meta() ? " meta" : ""));
                if (l.message() != null) {
                    for (Block b : l.message().content()) {
                        seen.add(l.type() + " " + b.getClass().getSimpleName()
                                + (b instanceof Block.ToolResult r && r.error() ? " error" : ""));
                    }
                }
                return true;
            }, problems);
            if (!SessionLines.subagents(e, problems).isEmpty()) {
                seen.add("subagent");
            }
        }
        for (String required : List.of("user Text", "user ToolResult", "user ToolResult error", "user meta", "assistant Text",
                "assistant Thinking", "assistant ToolUse", "summary without timestamp", "system", "attachment",
                "last-prompt without timestamp", "queue-operation", "subagent")) {
            assertTrue(seen.contains(required), required + " missing from " + seen);
        }
    }

    @Test
    void jsonlIsTheStoredLinesLineForLine() throws IOException {
        for (CatalogEntry e : entries) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Show.jsonl(e, out, problems);
            assertArrayEquals(Files.readAllBytes(e.copies().get(0).transcript().path()), out.toByteArray(), e.id());
        }
        assertEquals(4, entries.size());
    }
}
