package dev.tether.verify;

import dev.tether.layout.Items;
import dev.tether.platform.Links;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code credentials.local}: no credential file of the Claude data dir is a link, and nothing under
 * the synced folder is (or, links followed, resolves to) a credential file. The synced folder is read
 * in the walk the checks share ({@link SyncedWalk}).
 */
final class CredentialsCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        List<Finding> out = new ArrayList<>();
        String hint = hint(v);
        if (Files.isDirectory(v.claudeDir())) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(v.claudeDir())) {
                for (Path p : entries) {
                    if (Items.isCredentialName(p.getFileName().toString()) && Files.isSymbolicLink(p)) {
                        out.add(Finding.error("credentials.local", null, p.toString(),
                                "a credential file is a link (to " + Files.readSymbolicLink(p) + ")", hint));
                    }
                }
            }
        }
        out.addAll(v.synced().credentials());
        if (out.isEmpty()) {
            out.add(Finding.ok("credentials.local", null, v.claudeDir().toString(), "credentials stay on this machine"));
        }
        return out;
    }

    static String hint(VerifyContext v) {
        return "move the credential file back into " + v.claudeDir() + " as a real file, and delete it from the synced folder";
    }

    /** The synced folder's half of the check, as a visitor of the shared walk; thread-safe. */
    static final class SyncedVisitor extends SimpleFileVisitor<Path> {
        private final String hint;
        private final List<Finding> findings = new ArrayList<>();

        SyncedVisitor(String hint) {
            this.hint = hint;
        }

        /** What the walk found, by path (the walk visits folders concurrently, in no fixed order). */
        List<Finding> findings() {
            synchronized (findings) {
                List<Finding> sorted = new ArrayList<>(findings);
                sorted.sort(Comparator.comparing(Finding::path));
                return sorted;
            }
        }

        private void add(Finding f) {
            synchronized (findings) {
                findings.add(f);
            }
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            // a junction (Java walks into one) could lead anywhere, even back up into a loop
            return Links.isLink(dir, attrs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            if (Items.isCredentialName(file.getFileName().toString())) {
                add(Finding.error("credentials.local", null, file.toString(), "a credential file lies in the synced folder", hint));
            } else if (attrs.isSymbolicLink() && Files.exists(file)) {
                Path real = file.toRealPath();
                if (Items.isCredentialName(real.getFileName().toString())) {
                    add(Finding.error("credentials.local", null, file.toString(),
                            "a link in the synced folder leads to the credential file " + real, hint));
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
        }
    }
}
