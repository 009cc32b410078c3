package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan made while listing (each file decided as it is found, or kept waiting until the catalog is read)
 * is the plan of the whole listing against the whole catalog, whichever comes first.
 */
class BackupPlannerTest {
    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** A home where a third of the files are as the catalog knows them, a third changed, a third new. */
    private Catalog home(Path claude) throws IOException {
        Map<String, Catalog.Entry> known = new HashMap<>();
        for (int s = 0; s < 30; s++) {
            write(claude.resolve("projects/-k" + (s % 4) + "/s" + s + ".jsonl"), "{\"n\":" + s + "}\n");
            write(claude.resolve("file-history/s" + s + "/a@v1"), "a" + s);
        }
        write(claude.resolve("history.jsonl"), "{}\n");
        LiveFiles.Listing listing = LiveFiles.list(claude, List.of("history.jsonl", "projects", "file-history"));
        int i = 0;
        for (LiveFile f : listing.files()) {
            switch (i++ % 3) {
                case 0 -> known.put(f.rel(), new Catalog.Entry(f.key(), f.size(), f.mtime(), 10, f.size(), 0, List.of()));
                case 1 -> known.put(f.rel(), new Catalog.Entry(f.key(), f.size() - 1, f.mtime(), 10, f.size() - 1, 0, List.of()));
                default -> {
                }
            }
        }
        return new Catalog(Catalog.SCHEMA, "m", known, "run");
    }

    private static List<String> shape(BackupPlan plan) {
        List<String> out = new ArrayList<>();
        for (BackupPlan.Work w : plan.work()) {
            out.add(w.getClass().getSimpleName() + " " + w.file().rel());
        }
        out.add("unchanged " + plan.unchanged());
        out.add("live " + plan.live());
        out.add("problems " + plan.problems());
        return out;
    }

    @Test
    void decidingWhileListingGivesThePlanOfTheWholeListingWhetherTheCatalogCameFirstOrLast() throws Exception {
        Path claude = dir.resolve("claude");
        Catalog catalog = home(claude);
        ArchiveLayout layout = new ArchiveLayout(dir.resolve("archive"));
        List<String> items = List.of("history.jsonl", "projects", "file-history", "todos");

        List<String> reference = shape(BackupPlanner.plan(layout, items, LiveFiles.list(claude, items), catalog));
        assertEquals(shape(BackupPlanner.plan(layout, items, claude, CompletableFuture.completedFuture(catalog))), reference);

        CompletableFuture<Catalog> late = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            late.complete(catalog);
        });
        reader.start();
        assertEquals(reference, shape(BackupPlanner.plan(layout, items, claude, late)));
        reader.join();

        assertEquals("unchanged 21", reference.get(reference.size() - 3), reference::toString);
        assertEquals(61 - 21, reference.size() - 3, reference::toString);
        assertTrue(reference.get(reference.size() - 2).contains("projects/-k1/s1.jsonl"), reference::toString);
    }

    @Test
    void aTranscriptIsProjectsKeyIdJsonlAndNothingElse() {
        assertTrue(SessionEntry.isTranscript("projects/-home-me/5f1c.jsonl"));
        assertEquals(List.of("-home-me", "5f1c"), List.of(SessionEntry.keyAndId("projects/-home-me/5f1c.jsonl")));
        for (String other : List.of("projects/-home-me/5f1c/subagents/a.jsonl", "projects/x.jsonl", "projects//x.jsonl",
                "history.jsonl", "projects/-k/s.json", "projectsx/-k/s.jsonl", "file-history/-k/s.jsonl")) {
            assertFalse(SessionEntry.isTranscript(other), other);
            assertNull(SessionEntry.keyAndId(other), other);
        }
    }
}
