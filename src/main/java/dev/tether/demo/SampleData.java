package dev.tether.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.state.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.UUID;

/**
 * Generates a realistic but fake Claude Code data dir: a prompt history, session transcripts in
 * several projects (names with spaces and non-ASCII letters) holding every line type Claude Code
 * writes ({@link SampleTurns}) with subagent transcripts beside them, file-history snapshots with binary
 * bytes, tasks, settings and a fake credentials file that must never move. Deterministic for a seed
 * and a time ("now"). The plain prompts and answers come from the seed's first random sequence, as
 * they always did; the other line types come from a second one, so a seed still makes the same
 * prompts, answers, history and files, with more lines between them (and {@link Scale#SMALL} makes
 * exactly what it always made).
 */
public final class SampleData {
    /**
     * How much to make, and whether sessions hold every line type ({@code everyLineType}) or only the
     * timestamped prompts and answers of the first version (what {@link #SMALL} still makes, byte for
     * byte: the tests of setup and merging were written against it, and some of them rely on every
     * session line having a timestamp).
     */
    public record Scale(int historyLines, int projects, int sessionsPerProject, int linesPerSession, int fileHistoryFiles,
            int fileHistoryBytes, boolean everyLineType) {
        public static final Scale DEMO = new Scale(2000, 4, 3, 60, 40, 4096, true);
        public static final Scale SMALL = new Scale(200, 2, 2, 20, 6, 1024, false);

        /** A scale whose sessions hold every line type. */
        public Scale(int historyLines, int projects, int sessionsPerProject, int linesPerSession, int fileHistoryFiles,
                int fileHistoryBytes) {
            this(historyLines, projects, sessionsPerProject, linesPerSession, fileHistoryFiles, fileHistoryBytes, true);
        }
    }

    private static final String[] PROJECTS = {"/home/me/code/app", "/home/me/code/Bücher app", "/home/me/work/api-server",
            "/home/me/code/naïve-ideas", "/home/me/src/tether", "/home/me/notes"};
    private static final String[] PROMPTS = {"fix the failing test", "explain this stack trace", "add a --dry-run flag",
            "rename the config loader", "why is this slow?", "write a README section", "résumé the last session",
            "make the build reproducible"};

    private final Random random;
    private final Random rich;
    private final Instant now;

    private SampleData(long seed, Instant now) {
        this.random = new Random(seed);
        this.rich = new Random(seed * 0x9E3779B97F4A7C15L + 1);
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    public static void generate(Path claudeDir, long seed, Scale scale) throws IOException {
        generate(claudeDir, seed, scale, Instant.now());
    }

    /** The same, as if generated at {@code now}: the same bytes every time (golden files, benchmarks). */
    public static void generate(Path claudeDir, long seed, Scale scale, Instant now) throws IOException {
        new SampleData(seed, now).write(claudeDir, scale);
    }

    private void write(Path claude, Scale scale) throws IOException {
        Files.createDirectories(claude);
        writeHistory(claude.resolve("history.jsonl"), scale.historyLines());
        for (int p = 0; p < scale.projects(); p++) {
            String project = PROJECTS[p % PROJECTS.length] + (p >= PROJECTS.length ? "-" + p : "");
            Path dir = claude.resolve("projects").resolve(project.replace('/', '-'));
            Files.createDirectories(dir);
            for (int s = 0; s < scale.sessionsPerProject(); s++) {
                Path session = dir.resolve(uuid() + ".jsonl");
                Instant last = writeSession(session, project, s == 0 && scale.everyLineType(), scale.everyLineType(),
                        scale.linesPerSession() + random.nextInt(Math.max(1, scale.linesPerSession())));
                age(session);
                if (scale.everyLineType()) {
                    Files.setLastModifiedTime(session, FileTime.from(last)); // as Claude Code leaves it: written last at its last line
                }
            }
            age(dir);
        }
        for (int f = 0; f < scale.fileHistoryFiles(); f++) {
            Path dir = claude.resolve("file-history").resolve(uuid());
            Files.createDirectories(dir);
            byte[] bytes = new byte[1 + random.nextInt(scale.fileHistoryBytes())];
            random.nextBytes(bytes);
            Path file = dir.resolve(Long.toHexString(random.nextLong()) + "@v" + (1 + random.nextInt(4)));
            Files.write(file, bytes);
            age(file);
        }
        Path tasks = claude.resolve("tasks").resolve(uuid());
        Files.createDirectories(tasks);
        Files.writeString(tasks.resolve("1.json"), "{\"id\":\"1\",\"subject\":\"ship it\",\"status\":\"pending\"}\n");
        // as Claude Code writes it (JSON.stringify with two spaces); no cleanupPeriodDays, so setup adds tether's
        Files.writeString(claude.resolve("settings.json"),
                "{\n  \"model\": \"sonnet\",\n  \"permissions\": {\n    \"allow\": [\n      \"Bash(git status)\"\n    ]\n  }\n}\n");
        Files.writeString(claude.resolve("CLAUDE.md"), "# Personal notes for Claude\n");
        Files.writeString(claude.resolve(".credentials.json"), "{\"claudeAiOauth\":{\"accessToken\":\"sk-ant-fake-not-real\"}}\n");
        age(claude.resolve("history.jsonl"));
    }

    private void writeHistory(Path file, int lines) throws IOException {
        long t = now.minus(60, ChronoUnit.DAYS).toEpochMilli();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < lines; i++) {
                t += 1000 + random.nextInt(3_000_000);
                ObjectNode line = Json.COMPACT.createObjectNode();
                line.put("display", PROMPTS[random.nextInt(PROMPTS.length)] + " #" + i);
                line.putObject("pastedContents");
                line.put("timestamp", t);
                line.put("project", PROJECTS[random.nextInt(PROJECTS.length)]);
                w.write(Json.COMPACT.writeValueAsString(line));
                w.write('\n');
            }
        }
    }

    /** Writes a session; returns the time of its last line. */
    private Instant writeSession(Path file, String project, boolean withSummary, boolean everyLineType, int lines)
            throws IOException {
        String sessionId = file.getFileName().toString().replace(".jsonl", "");
        Instant t = now.minus(1 + random.nextInt(40), ChronoUnit.DAYS);
        String parent = null;
        String lastPrompt = null;
        SampleTurns turns = new SampleTurns(rich, sessionId, project, file.resolveSibling(sessionId));
        try (OutputStream out = Files.newOutputStream(file)) {
            if (everyLineType) {
                turns.opening(out, t, withSummary || rich.nextBoolean());
            }
            for (int i = 0; i < lines; i++) {
                t = t.plusSeconds(5 + random.nextInt(120));
                String id = uuid();
                ObjectNode line = Json.COMPACT.createObjectNode();
                line.put("type", i % 2 == 0 ? "user" : "assistant");
                line.put("uuid", id);
                line.put("parentUuid", parent);
                line.put("sessionId", sessionId);
                line.put("timestamp", t.toString());
                line.putObject("message").put("role", i % 2 == 0 ? "user" : "assistant")
                        .put("content", PROMPTS[random.nextInt(PROMPTS.length)] + " — step " + i);
                out.write((Json.COMPACT.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                parent = id;
                if (everyLineType && i % 2 == 0) {
                    lastPrompt = line.path("message").path("content").asText();
                    turns.after(out, id, t);
                }
            }
            if (everyLineType) {
                turns.closing(out, lastPrompt == null ? "" : lastPrompt);
            }
        }
        return t.plusSeconds(3);
    }

    private void age(Path p) throws IOException {
        Files.setLastModifiedTime(p, FileTime.from(now.minus(random.nextInt(40 * 24 * 60), ChronoUnit.MINUTES)));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
