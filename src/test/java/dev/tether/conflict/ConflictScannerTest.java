package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds copies of the synced items, ambiguous shapes only beside their original, links never followed. */
class ConflictScannerTest {
    private static final List<String> ITEMS = List.of("history.jsonl", "projects", "file-history");

    @TempDir
    Path synced;

    private final ConflictScanner scanner = new ConflictScanner(new ConflictNames(List.of("MYLAPTOP")));

    private Path touch(String relative) throws IOException {
        Path p = synced.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x\n");
        return p;
    }

    private List<String> found() throws IOException {
        return scanner.scan(synced, ITEMS).stream().map(c -> synced.relativize(c.copy()).toString().replace('\\', '/')
                + " <" + c.provider() + "> " + synced.relativize(c.original()).toString().replace('\\', '/')).toList();
    }

    @Test
    void findsCopiesOfTopLevelItemsAndInsideItemFolders() throws IOException {
        touch("history.jsonl");
        touch("history (conflicted copy 2024-01-01 120000).jsonl");
        touch("projects/-home-me-app/s1.jsonl");
        touch("projects/-home-me-app/s1.sync-conflict-20240101-120000-ABCDEF7.jsonl");
        touch("file-history/abc/notes (Jane's conflicted copy 2024-01-01).md");
        assertEquals(List.of("file-history/abc/notes (Jane's conflicted copy 2024-01-01).md <dropbox> file-history/abc/notes.md",
                "history (conflicted copy 2024-01-01 120000).jsonl <nextcloud> history.jsonl",
                "projects/-home-me-app/s1.sync-conflict-20240101-120000-ABCDEF7.jsonl <syncthing> projects/-home-me-app/s1.jsonl"),
                found());
    }

    @Test
    void aTopLevelCopyOfACopyOfAnItemCounts() throws IOException {
        touch("history.jsonl");
        touch("history (conflicted copy 2024-01-01 120000).jsonl");
        touch("history (conflicted copy 2024-01-01 120000) (conflicted copy 2024-01-02 080000).jsonl");
        assertEquals(List.of("history (conflicted copy 2024-01-01 120000) (conflicted copy 2024-01-02 080000).jsonl <nextcloud>"
                + " history (conflicted copy 2024-01-01 120000).jsonl",
                "history (conflicted copy 2024-01-01 120000).jsonl <nextcloud> history.jsonl"), found());
    }

    @Test
    void ignoresTopLevelCopiesOfThingsThatAreNotItems() throws IOException {
        touch("settings (conflicted copy 2024-01-01 120000).json");
        touch(".tether/machines/a (conflicted copy 2024-01-01 120000).json");
        touch("other/history (conflicted copy 2024-01-01 120000).jsonl");
        assertEquals(List.of(), found());
    }

    @Test
    void ambiguousShapesCountOnlyBesideTheirOriginal() throws IOException {
        touch("projects/k/a (1).txt");
        touch("projects/k/report 2.txt");
        touch("projects/k/notes-MYLAPTOP.md");
        assertEquals(List.of(), found());
        touch("projects/k/a.txt");
        touch("projects/k/report.txt");
        touch("projects/k/notes.md");
        assertEquals(List.of("projects/k/a (1).txt <google-drive> projects/k/a.txt",
                "projects/k/notes-MYLAPTOP.md <onedrive> projects/k/notes.md",
                "projects/k/report 2.txt <icloud> projects/k/report.txt"), found());
    }

    @Test
    void oneDriveSuffixOfAnUnknownMachineIsAnOrdinaryName() throws IOException {
        touch("projects/k/notes.md");
        touch("projects/k/notes-MYPC.md");
        touch("projects/k/my-notes.md");
        touch("projects/k/my.md");
        assertEquals(List.of(), found());
    }

    @Test
    void aTopLevelFolderCopyOfAnItemIsReportedOnce() throws IOException {
        touch("projects/k/s.jsonl");
        touch("projects 2/k/s.jsonl");
        touch("projects 2/k/s (conflicted copy 2024-01-01 120000).jsonl");
        assertEquals(List.of("projects 2 <icloud> projects"), found());
    }

    @Test
    void aFolderInsideAnItemThatIsACopyIsReportedOnceNotFileByFile() throws IOException {
        touch("projects/-home-me-app/s.jsonl");
        touch("projects/-home-me-app (conflicted copy 2024-01-01 120000)/s.jsonl");
        touch("projects/-home-me-app (conflicted copy 2024-01-01 120000)/s (conflicted copy 2024-01-01 120000).jsonl");
        assertEquals(List.of("projects/-home-me-app (conflicted copy 2024-01-01 120000) <nextcloud> projects/-home-me-app"), found());
    }

    @Test
    void noiseFilesAndClientFoldersAreSkipped() throws IOException {
        touch("projects/k/s.jsonl");
        touch("projects/k/.syncthing.s.jsonl.tmp");
        touch("projects/.stversions/k/s.sync-conflict-20240101-120000-ABCDEF7.jsonl");
        touch("projects/.dropbox.cache/s (conflicted copy 2024-01-01 120000).jsonl");
        touch("projects/k/.s.jsonl.tether-merge.tmp");
        assertEquals(List.of(), found());
    }

    @Test
    void linksAreNotFollowed(@TempDir Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("x.jsonl"), "");
        Files.writeString(elsewhere.resolve("x (conflicted copy 2024-01-01 120000).jsonl"), "");
        Files.createDirectories(synced.resolve("projects"));
        Files.createSymbolicLink(synced.resolve("projects/linked"), elsewhere);
        Files.createSymbolicLink(synced.resolve("file-history"), elsewhere);
        assertEquals(List.of(), found());
    }

    @Test
    void aMissingSyncedFolderHasNoCopies() throws IOException {
        assertTrue(scanner.scan(synced.resolve("gone"), ITEMS).isEmpty());
    }
}
