package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing walks an item's folders on several threads and still finds what one walk finds, in its order. */
class LiveFilesTest {
    @TempDir
    Path claude;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** What a single walk of the item visits, in its order: the listing's reference. */
    private static List<String> oneWalk(Path claudeDir, String item) throws IOException {
        List<String> out = new ArrayList<>();
        Path root = claudeDir.resolve(item).toRealPath();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().equals(".credentials.json")) {
                    String inside = root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "/");
                    out.add(inside.isEmpty() ? item : item + "/" + inside);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    @Test
    void theListingIsOneWalksInItsOrder() throws IOException {
        for (int s = 0; s < 40; s++) {
            write(claude.resolve("file-history/session-" + s + "/a@v1"), "a" + s);
            write(claude.resolve("file-history/session-" + s + "/deeper/b@v2"), "b" + s);
            if (s % 7 == 0) {
                write(claude.resolve("file-history/loose-" + s + ".txt"), "loose"); // files between the folders
            }
        }
        write(claude.resolve("projects/-k/s1.jsonl"), "{}\n");
        write(claude.resolve("projects/-k/s1/tool-results/x.txt"), "x");
        write(claude.resolve("projects/-j/s2.jsonl"), "{}\n{}\n");
        write(claude.resolve("projects/top.json"), "{}");
        write(claude.resolve("projects/.credentials.json"), "secret");
        write(claude.resolve("history.jsonl"), "{}\n");
        Files.createDirectories(claude.resolve("elsewhere/inside"));
        write(claude.resolve("elsewhere/inside/never.txt"), "never");
        Files.createSymbolicLink(claude.resolve("projects/linked"), claude.resolve("elsewhere"));
        Files.createSymbolicLink(claude.resolve("projects/-k/linked.jsonl"), claude.resolve("history.jsonl"));
        Files.setLastModifiedTime(claude.resolve("projects/-j/s2.jsonl"), FileTime.fromMillis(1_700_000_000_000L));

        List<String> items = List.of("history.jsonl", "projects", "file-history", "missing");
        LiveFiles.Listing listing = LiveFiles.list(claude, items);

        List<String> expected = new ArrayList<>();
        for (String item : List.of("history.jsonl", "projects", "file-history")) {
            expected.addAll(oneWalk(claude, item));
        }
        List<String> rels = listing.files().stream().map(LiveFile::rel).toList();
        assertEquals(expected, rels);
        assertEquals(1 + 4 + 80 + 6, rels.size(), rels::toString);
        assertTrue(rels.contains("file-history/session-3/deeper/b@v2"), rels::toString);
        assertTrue(rels.contains("file-history/loose-14.txt"), rels::toString);
        assertFalse(rels.stream().anyMatch(r -> r.contains("never") || r.contains("linked") || r.contains("credentials")),
                rels::toString);
        LiveFile s2 = listing.files().stream().filter(f -> f.rel().equals("projects/-j/s2.jsonl")).findFirst().orElseThrow();
        assertEquals(6, s2.size());
        assertEquals(1_700_000_000_000L, s2.mtime());
        assertEquals(claude.resolve("projects/-j/s2.jsonl").toRealPath(), s2.path().toRealPath());
        assertEquals(Files.readAttributes(s2.path(), BasicFileAttributes.class).fileKey().toString(), s2.key());
        assertEquals(List.of(), listing.problems());
    }

    @Test
    void anItemThatLinksToNothingIsAProblem() throws IOException {
        Files.createSymbolicLink(claude.resolve("projects"), claude.resolve("gone"));
        write(claude.resolve("todos/t.json"), "[]");
        LiveFiles.Listing listing = LiveFiles.list(claude, List.of("projects", "todos"));
        assertEquals(List.of("todos/t.json"), listing.files().stream().map(LiveFile::rel).toList());
        assertEquals(1, listing.problems().size());
        assertEquals("projects", listing.problems().get(0).rel());
    }

    @Test
    void aRelativePathIsCutFromTheFilesPathOrElseRelativized() throws IOException {
        Path root = claude.resolve("projects");
        assertEquals("projects/-k/s.jsonl", LiveFiles.rel("projects", root, root.resolve("-k/s.jsonl")));
        assertEquals("projects", LiveFiles.rel("projects", root, root));
        try (var fs = com.google.common.jimfs.Jimfs.newFileSystem(com.google.common.jimfs.Configuration.windows())) {
            Path winRoot = fs.getPath("C:\\Users\\me\\.claude\\projects");
            assertEquals("projects/-k/s.jsonl", LiveFiles.rel("projects", winRoot, winRoot.resolve("-k\\s.jsonl")));
            Path driveRoot = fs.getPath("C:\\"); // a root that ends with its separator: relativized
            assertEquals("history.jsonl/a/b", LiveFiles.rel("history.jsonl", driveRoot, driveRoot.resolve("a\\b")));
        }
        Path slash = root.getFileSystem().getPath("/");
        assertEquals("x/etc/hosts", LiveFiles.rel("x", slash, slash.resolve("etc/hosts")));
    }
}
