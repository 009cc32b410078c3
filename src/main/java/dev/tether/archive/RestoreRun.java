package dev.tether.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.apply.Journal;
import dev.tether.apply.Trees;
import dev.tether.conflict.EveryLine;
import dev.tether.conflict.JsonlMerge;
import dev.tether.platform.Platform;
import dev.tether.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

/**
 * Puts a {@link RestorePlan} in place through the journal ({@code <state-dir>/journal.jsonl}), file by file:
 * the new content is made in a hidden sibling of the live file ({@code copied}), proven ({@code verified}: a
 * put-back file equals the archive's content, a union holds every line of the live file and of the archive),
 * then renamed into place ({@code placed}) without ever replacing a file that appeared meanwhile, or, for a
 * union, replacing the live file only while it is as it was when it was read; then it gets its modification
 * time ({@code committed}). Killed at any step, the next {@code restore} removes what was half made; what was
 * placed stays, whole.
 */
public final class RestoreRun {
    private final Journal journal;
    private final Platform platform;
    private final Path tempDir;

    /** @param stateDir where unions read the archive's lines from (a decompressed copy, removed afterwards) */
    public RestoreRun(Journal journal, Platform platform, Path stateDir) {
        this.journal = journal;
        this.platform = platform;
        this.tempDir = stateDir.resolve("restore-tmp");
    }

    /** Applies every changing file of the plan; returns how many were put back or united. */
    public int run(RestorePlan plan) throws IOException {
        ObjectNode planned = planJson(plan);
        Journal.Run run = journal.begin("restore", planned);
        int done = 0;
        try {
            for (RestorePlan.FileRestore f : plan.files()) {
                if (f.changes()) {
                    restore(f, run);
                    done++;
                }
            }
        } catch (IOException | RuntimeException e) {
            discard(planned, run.id());
            run.commit("rolled-back");
            throw e;
        }
        discard(planned, run.id());
        run.commit("done");
        return done;
    }

    private void restore(RestorePlan.FileRestore f, Journal.Run run) throws IOException {
        Path staged = staged(f.live(), run.id());
        Files.createDirectories(f.live().getParent());
        Files.deleteIfExists(staged);
        if (f.action() == RestorePlan.Action.CREATE) {
            try (InputStream in = GzipMembers.open(f.archived()); OutputStream out = Files.newOutputStream(staged)) {
                in.transferTo(out);
            }
            force(staged);
            run.record(Journal.COPIED, f.rel());
            requireSameContent(f.archived(), staged);
            run.record(Journal.VERIFIED, f.rel());
            platform.renameNoReplace(staged, f.live());
        } else {
            Path archivedLines = Files.createDirectories(tempDir.resolve(run.id())).resolve(Integer.toHexString(f.rel().hashCode()));
            try (InputStream in = GzipMembers.open(f.archived())) {
                Files.copy(in, archivedLines, StandardCopyOption.REPLACE_EXISTING);
            }
            BasicFileAttributes before = Files.readAttributes(f.live(), BasicFileAttributes.class);
            JsonlMerge.merge(java.util.List.of(f.live(), archivedLines), staged);
            run.record(Journal.COPIED, f.rel());
            EveryLine.require(staged, f.live(), archivedLines);
            run.record(Journal.VERIFIED, f.rel());
            BasicFileAttributes now = Files.readAttributes(f.live(), BasicFileAttributes.class);
            if (now.size() != before.size() || !now.lastModifiedTime().equals(before.lastModifiedTime())) {
                throw new IOException(f.live() + " changed while it was being united with the archive; it was left as it is now");
            }
            // replacing is safe: the staged file holds every line of the file it replaces
            Files.move(staged, f.live(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(archivedLines);
        }
        run.record(Journal.PLACED, f.rel());
        Files.setLastModifiedTime(f.live(), FileTime.from(f.mtime()));
        run.record(Journal.COMMITTED, f.rel());
    }

    private static void requireSameContent(Path gz, Path plain) throws IOException {
        try (InputStream a = GzipMembers.open(gz); InputStream b = Files.newInputStream(plain)) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            while (true) {
                int nx = a.readNBytes(x, 0, x.length);
                int ny = b.readNBytes(y, 0, y.length);
                if (nx != ny || !Arrays.equals(x, 0, nx, y, 0, ny)) {
                    throw new IOException("the copy " + plain + " differs from the archive's " + gz + "; nothing was put back");
                }
                if (nx == 0) {
                    return;
                }
            }
        }
    }

    private static void force(Path file) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    static Path staged(Path live, String runId) {
        return live.resolveSibling("." + live.getFileName() + ".tether-restore-" + runId);
    }

    private static ObjectNode planJson(RestorePlan plan) {
        ObjectNode root = Json.COMPACT.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (RestorePlan.FileRestore f : plan.files()) {
            if (f.changes()) {
                ObjectNode o = files.addObject();
                o.put("rel", f.rel());
                o.put("live", f.live().toString());
                o.put("archived", f.archived().toString());
                o.put("action", f.action().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return root;
    }

    /** Removes what a run left half made: staged siblings and decompressed copies. Placed files stay. */
    private void discard(JsonNode plan, String runId) throws IOException {
        for (JsonNode f : plan.path("files")) {
            Path staged = staged(tempDir.getFileSystem().getPath(f.path("live").asText()), runId);
            Files.deleteIfExists(staged);
        }
        if (Files.exists(tempDir.resolve(runId), LinkOption.NOFOLLOW_LINKS)) {
            Trees.deleteIfExists(tempDir.resolve(runId));
        }
        if (Files.isDirectory(tempDir)) {
            try (var left = Files.list(tempDir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(tempDir);
                }
            }
        }
    }

    /** Finishes a restore an earlier process left pending: what it had placed stays, what it had half made goes. */
    public String recover(Journal.Pending pending) throws IOException {
        Journal.Run run = journal.resume(pending);
        discard(pending.plan(), pending.runId());
        run.commit("rolled-back");
        return "cleaned up after the interrupted restore of " + pending.started() + " (the files it had put back stay)";
    }
}
