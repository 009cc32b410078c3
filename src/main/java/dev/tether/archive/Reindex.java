package dev.tether.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Rebuilds index entries from the archived transcripts alone: all of them ({@code --reindex}), or those a run touched. */
final class Reindex {
    private Reindex() {
    }

    /** Rebuilds the entries of the transcripts {@code rels}, keeping each one's live flag and machine. */
    static void sessions(ArchiveLayout layout, List<String> rels, String hostname) throws IOException {
        SessionIndex index = SessionIndex.load(layout);
        for (String rel : rels) {
            SessionEntry old = index.get(rel);
            SessionEntry fresh = fromArchive(layout, rel, old == null || old.live(), old == null ? hostname : old.machine());
            if (fresh != null) {
                index.put(fresh);
            }
        }
        index.save(layout);
    }

    /** Rebuilds the whole index from every archived transcript; returns how many sessions it holds. */
    static int all(ArchiveLayout layout, String hostname) throws IOException {
        SessionIndex index = build(layout, hostname);
        index.save(layout);
        return index.sessions().size();
    }

    /** The index as the archived transcripts say, keeping each known session's live flag and machine; writes nothing. */
    static SessionIndex build(ArchiveLayout layout, String hostname) throws IOException {
        SessionIndex old = SessionIndex.load(layout);
        SessionIndex index = new SessionIndex();
        Path projects = layout.root().resolve("projects");
        for (String rel : transcripts(projects)) {
            SessionEntry before = old.get(rel);
            SessionEntry fresh = fromArchive(layout, rel, before != null && before.live(),
                    before == null ? hostname : before.machine());
            if (fresh != null) {
                index.put(fresh);
            }
        }
        return index;
    }

    private static List<String> transcripts(Path projects) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(projects)) {
            return out;
        }
        Files.walkFileTree(projects, java.util.Set.of(), 2, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                if (attrs.isRegularFile() && name.endsWith(".jsonl.gz") && file.getParent().getParent().equals(projects)) {
                    out.add("projects/" + file.getParent().getFileName() + "/" + name.substring(0, name.length() - 3));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    private static SessionEntry fromArchive(ArchiveLayout layout, String rel, boolean live, String machine) throws IOException {
        String[] keyAndId = SessionEntry.keyAndId(rel);
        Path archived = layout.lines(rel);
        if (keyAndId == null || !Files.isRegularFile(archived)) {
            return null;
        }
        SessionFacts facts = new SessionFacts(keyAndId[1], keyAndId[0], live, machine);
        LineSplitter lines = new LineSplitter(facts::accept);
        try (InputStream in = GzipMembers.open(archived)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                lines.accept(buf, 0, n);
            }
        }
        lines.finish();
        return facts.entry();
    }
}
