package dev.tether.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one detector found, and its notes for {@code -v} (files it looked at, entries it skipped and why). */
final class Candidates {
    private final Provider provider;
    private final List<Candidate> found = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Candidates(Provider provider) {
        this.provider = provider;
    }

    void add(Path path, FoundBy foundBy, String source, String account) {
        found.add(new Candidate(provider, path, foundBy, source, account, false));
    }

    /** A root where the client can keep files online only, whatever the OS's conventions say. */
    void addOnlineOnly(Path path, FoundBy foundBy, String source, String account) {
        found.add(new Candidate(provider, path, foundBy, source, account, true));
    }

    /** A client's usual folder counts only when it exists (otherwise a note says it was looked for). */
    void addDefault(Path path, String account) {
        if (Files.isDirectory(path)) {
            add(path, FoundBy.DEFAULT_PATH, null, account);
        } else {
            note("no " + path);
        }
    }

    /** The folders of macOS's File Provider whose names start with {@code prefix} (a note when there are none). */
    List<Path> fileProviderFolders(DetectContext ctx, String prefix) {
        List<Path> dirs = ctx.childDirs(ctx.cloudStorage(), prefix);
        if (dirs.isEmpty()) {
            note("no " + ctx.cloudStorage().resolve(prefix + "*"));
        }
        return dirs;
    }

    /** Every Cloud Files root a provider registered (Windows), by the provider part of its id. */
    void addCloudFilesRoots(DetectContext ctx, String providerName) {
        for (CloudFilesRoots.Entry e : CloudFilesRoots.of(ctx, providerName)) {
            addOnlineOnly(e.path(), FoundBy.REGISTRY, e.source(), null);
        }
    }

    void note(String text) {
        notes.add(provider.id() + ": " + text);
    }

    List<Candidate> found() {
        return found;
    }

    List<String> notes() {
        return notes;
    }
}
