package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The conflict-name shapes of every sync client, with the ordinary names that only resemble them. */
class ConflictNamesTest {
    private final ConflictNames names = new ConflictNames(List.of("MYLAPTOP", "desk.example.org", "DESKTOP-AB12CD3"));

    private Optional<ConflictNames.Match> certain(String name) {
        return names.candidates(name).stream().filter(m -> !m.needsOriginal()).findFirst();
    }

    @ParameterizedTest(name = "{0} -> {1} of {2}")
    @CsvSource(delimiter = '|', value = {
            // Proton Drive, Windows: 6 of [a-z0-9] and a literal C
            "history (# Name clash 2024-08-23 a1b2c3C #).jsonl | proton-drive | history.jsonl",
            "history (# Edit conflict 2024-08-23 a1b2c3C #).jsonl | proton-drive | history.jsonl",
            "history (# Delete conflict 2024-08-23 zz99x0C #).jsonl | proton-drive | history.jsonl",
            // Proton Drive, macOS: capital C, 7 of [A-Za-z0-9]
            "notes (# Name Clash 2025-10-23 Ab3dE9z #).md | proton-drive | notes.md",
            "Makefile (# Name Clash 2025-10-23 Ab3dE9z #) | proton-drive | Makefile",
            "archive.tar (# Name clash 2024-08-23 a1b2c3C #).gz | proton-drive | archive.tar.gz",
            // Dropbox
            "report (Jane Doe's conflicted copy 2014-06-17).txt | dropbox | report.txt",
            "history (MYLAPTOP's conflicted copy 2024-01-01).jsonl | dropbox | history.jsonl",
            "history (Jane’s conflicted copy 2024-01-01).jsonl | dropbox | history.jsonl",
            "a (b) (Jane's conflicted copy 2014-06-17).txt | dropbox | a (b).txt",
            "report (conflicted copy).txt | dropbox | report.txt",
            "report (Case Conflict).txt | dropbox | report.txt",
            "report (Case Conflict 1).txt | dropbox | report.txt",
            "report (Unicode Encoding Conflict).txt | dropbox | report.txt",
            "projects (selective sync conflict) | dropbox | projects",
            // Syncthing, with and without a device, a dotfile with an empty NAME, a name without extension
            "history.sync-conflict-20240101-120000-ABCDEF7.jsonl | syncthing | history.jsonl",
            "history.sync-conflict-20240101-120000-.jsonl | syncthing | history.jsonl",
            ".sync-conflict-20240101-120000-ABCDEF7.bashrc | syncthing | .bashrc",
            "Makefile.sync-conflict-20240101-120000-ABCDEF7 | syncthing | Makefile",
            "archive.tar.sync-conflict-20240101-120000-ABCDEF7.gz | syncthing | archive.tar.gz",
            // Nextcloud / ownCloud: with a user, dotfiles and names without extension get it at the end, case clash
            "history (conflicted copy 2024-01-01 120000).jsonl | nextcloud | history.jsonl",
            "history (conflicted copy Jane Doe 2024-01-01 120000).jsonl | nextcloud | history.jsonl",
            ".bashrc (conflicted copy 2024-01-01 120000) | nextcloud | .bashrc",
            "Makefile (conflicted copy 2024-01-01 120000) | nextcloud | Makefile",
            ".config (conflicted copy 2024-01-01 120000).json | nextcloud | .config.json",
            "History (case clash from 2024-01-01 120000).jsonl | nextcloud | History.jsonl",
            // pCloud
            "history.jsonl.conflicted | pcloud | history.jsonl",
            "history [conflicted].jsonl | pcloud | history.jsonl",
            "history (conflicted).jsonl | pcloud | history.jsonl",
            // Resilio Sync
            "history.Conflict.jsonl | resilio | history.jsonl",
            "history.Conflict1.jsonl | resilio | history.jsonl",
            "history.jsonl.Conflict1 | resilio | history.jsonl",
            // Unison -copyonconflict
            "history (conflict_on_2024-01-01).jsonl | unison | history.jsonl",
            "history (conflict #2_on_2024-01-01).jsonl | unison | history.jsonl",
            "history (conflict_on_2024-01-01_was_deleted).jsonl | unison | history.jsonl",
    })
    void everyClientsShapeNamesItsProviderAndOriginal(String name, String provider, String original) {
        ConflictNames.Match m = certain(name).orElseThrow(() -> new AssertionError("not recognised: " + name));
        assertEquals(provider, m.provider());
        assertEquals(original, m.original());
    }

    @ParameterizedTest
    @ValueSource(strings = {"report (Case Conflict).txt", "report (Unicode Encoding Conflict).txt",
            "History (case clash from 2024-01-01 120000).jsonl"})
    void nameClashesAreDifferentFilesNotVersions(String name) {
        assertFalse(certain(name).orElseThrow().sameFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"history (conflicted copy 2024-01-01 120000).jsonl", "history (Jane's conflicted copy 2024-01-01).jsonl",
            "history.sync-conflict-20240101-120000-ABCDEF7.jsonl", "history (# Name clash 2024-08-23 a1b2c3C #).jsonl"})
    void editConflictsAreVersionsOfTheOriginal(String name) {
        assertTrue(certain(name).orElseThrow().sameFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"history.jsonl", "settings.json", "my-notes.md", "conflict.txt", "a (1).txt", "report 2.txt",
            "notes-MYPC.md", "0b7c3f7e-3d7a-4f1e-9b2a-8c1d2e3f4a5b.jsonl", "-home-me-code-app", "conflicted copy.txt",
            "Conflict.txt", "history.conflict.jsonl", "sync-conflict.txt", "history (# Name clash #).jsonl",
            "history (conflicted copy 2024-01-01).jsonl.bak.sync", "history.sync-conflict-2024-01-01.jsonl"})
    void ordinaryNamesAreNoCertainConflict(String name) {
        assertTrue(certain(name).isEmpty(), () -> name + " read as " + certain(name));
    }

    @ParameterizedTest(name = "{0} -> {1} of {2}")
    @CsvSource(delimiter = '|', value = {
            "history 2.jsonl | icloud | history.jsonl",
            "history 13.jsonl | icloud | history.jsonl",
            "projects 2 | icloud | projects",
            "history (1).jsonl | google-drive | history.jsonl",
            "history (12).jsonl | google-drive | history.jsonl",
            "history-MYLAPTOP.jsonl | onedrive | history.jsonl",
            "history-mylaptop.jsonl | onedrive | history.jsonl",
            "history-desk.jsonl | onedrive | history.jsonl",
            "history-desk.example.org.jsonl | onedrive | history.jsonl",
            "history-DESKTOP-AB12CD3.jsonl | onedrive | history.jsonl",
    })
    void ambiguousShapesAreCandidatesThatNeedTheirOriginal(String name, String provider, String original) {
        ConflictNames.Match m = names.candidates(name).stream().filter(c -> c.provider().equals(provider)).findFirst()
                .orElseThrow(() -> new AssertionError("not a candidate: " + name));
        assertEquals(original, m.original());
        assertTrue(m.needsOriginal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"notes-MYPC.md", "my-notes.md", "history-otherbox.jsonl"})
    void oneDriveSuffixCountsOnlyForAKnownMachine(String name) {
        assertTrue(names.candidates(name).stream().noneMatch(m -> m.provider().equals("onedrive")));
    }

    @Test
    void withoutKnownMachinesNoOneDriveReadingAtAll() {
        assertTrue(new ConflictNames(List.of()).candidates("history-MYLAPTOP.jsonl").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {".~history.jsonl-Temp-a1b2c3.tmp", ".syncthing.history.jsonl.tmp", "~syncthing~history.jsonl.tmp",
            ".stfolder", ".stignore", ".stversions", ".history.jsonl.~1a2b3c4d", "._sync_abcdef.db", "._sync_abcdef.db-wal",
            ".sync_abcdef.db", ".dropbox", ".dropbox.attr", ".dropbox.cache", ".tmp.drivedownload", ".tmp.driveupload",
            "history.jsonl.!sync", ".sync", "~$report.docx", ".~lock.report.odt#", ".DS_Store", "desktop.ini", "Thumbs.db",
            ".history.jsonl.tether-merge.tmp"})
    void inFlightAndNoiseFilesAreNeverConflicts(String name) {
        assertTrue(NoiseNames.isNoise(name));
        assertTrue(names.candidates(name).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"history.jsonl", "settings.json", "my-notes.md", "history 2.jsonl", ".claude"})
    void ordinaryNamesAreNotNoise(String name) {
        assertFalse(NoiseNames.isNoise(name));
    }

    @Test
    void theShortcutsNeverChangeTheAnswer() {
        String[] parts = {"history", ".jsonl", " ", "-", "(", ")", "#", "MYLAPTOP", "desk", "conflicted copy", "Conflict", ".conflicted",
            ".sync-conflict-20240101-120000-ABCDEF7", " 2", " (1)", "2024-01-01", " 120000", "Name clash", "[conflicted]", "é", ".",
            "~", "_sync_", ".db", ".!sync", "conflict on 2024-01-01", "'s", "a1b2c3C", "@v2", "0f3a9c"};
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            String s = name.toString();
            assertEquals(names.candidates(s, false), names.candidates(s, true), s);
        }
    }
}
