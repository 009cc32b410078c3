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
import java.util.List;

/**
 * {@code credentials.local}: no credential file of the Claude data dir is a link, and nothing under
 * the synced folder is (or, links followed, resolves to) a credential file.
 */
final class CredentialsCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) throws IOException {
        List<Finding> out = new ArrayList<>();
        String hint = "move the credential file back into " + v.claudeDir() + " as a real file, and delete it from the synced folder";
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
        Path synced = v.syncedFolder().orElse(null);
        if (synced != null && Files.isDirectory(synced)) {
            Files.walkFileTree(synced, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    // a junction (Java walks into one) could lead anywhere, even back up into a loop
                    return Links.isLink(dir, attrs) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (Items.isCredentialName(file.getFileName().toString())) {
                        out.add(Finding.error("credentials.local", null, file.toString(),
                                "a credential file lies in the synced folder", hint));
                    } else if (attrs.isSymbolicLink() && Files.exists(file)) {
                        Path real = file.toRealPath();
                        if (Items.isCredentialName(real.getFileName().toString())) {
                            out.add(Finding.error("credentials.local", null, file.toString(),
                                    "a link in the synced folder leads to the credential file " + real, hint));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        if (out.isEmpty()) {
            out.add(Finding.ok("credentials.local", null, v.claudeDir().toString(), "credentials stay on this machine"));
        }
        return out;
    }
}
