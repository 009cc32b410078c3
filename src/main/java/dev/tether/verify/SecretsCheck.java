package dev.tether.verify;

import dev.tether.platform.Links;
import dev.tether.secrets.SecretFinding;
import dev.tether.secrets.SecretScanner;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code secrets} (warn, only with {@code --scan-secrets}): token-like strings in the synced folder's text
 * files, one finding per token with its file, line and the token masked. A token in a synced transcript
 * is on every machine and at the sync provider; the fix is to revoke it, not only to delete the line.
 * The files are read in the walk the checks share ({@link SyncedWalk}), on its threads.
 */
final class SecretsCheck implements Check {
    static final String ID = "secrets";
    static final String HINT = "revoke the token where it was issued (a synced copy is on every machine and in the"
            + " sync provider's history), then remove it from the file";

    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        return v.scanSecrets() ? v.synced().secrets() : List.of();
    }

    /** The synced folder's text files, scanned as the walk visits them; thread-safe. */
    static final class SyncedVisitor extends SimpleFileVisitor<Path> {
        private final Path synced;
        private final SecretScanner scanner = new SecretScanner();
        private final List<SecretScanner.FileScan> scans = new ArrayList<>();
        private final AtomicLong textFiles = new AtomicLong();
        private final AtomicLong unreadable = new AtomicLong();

        SyncedVisitor(Path synced) {
            this.synced = synced;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return Links.isLink(dir, attrs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE; // links are not followed; devices and pipes are not text
            }
            try {
                SecretScanner.FileScan scan = scanner.scan(file);
                if (scan.text()) {
                    textFiles.incrementAndGet();
                }
                if (!scan.findings().isEmpty()) {
                    synchronized (scans) {
                        scans.add(scan);
                    }
                }
            } catch (IOException e) {
                unreadable.incrementAndGet(); // gone since it was listed, or not readable: counted, the walk goes on
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }

        /** One warning per token, by file and line; one ok finding when there is none. */
        List<Finding> findings() {
            List<SecretScanner.FileScan> sorted;
            synchronized (scans) {
                sorted = new ArrayList<>(scans);
            }
            sorted.sort(Comparator.comparing(s -> s.file().toString()));
            List<Finding> out = new ArrayList<>();
            for (SecretScanner.FileScan scan : sorted) {
                String item = synced.relativize(scan.file()).getName(0).toString();
                for (SecretFinding f : scan.findings()) {
                    out.add(Finding.warn(ID, item, scan.file().toString(), f.describe(), HINT));
                }
                if (scan.truncated()) {
                    out.add(Finding.warn(ID, item, scan.file().toString(), "more than " + SecretScanner.MAX_PER_FILE
                            + " token-like strings in this file; only the first are listed", HINT));
                }
            }
            String read = textFiles.get() + " text file(s) searched"
                    + (unreadable.get() > 0 ? ", " + unreadable.get() + " could not be read" : "");
            if (out.isEmpty()) {
                out.add(Finding.ok(ID, null, synced.toString(), "no token-like strings in the synced folder (" + read + ")"));
            }
            return out;
        }
    }
}
