package dev.tether.apply;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tether.state.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code <state-dir>/journal.jsonl}: one fsynced line per completed step, so the next run can tell
 * exactly how far an interrupted one got. A run's first line ({@code planned}) holds its whole plan;
 * its last line is a {@code committed} line without an item. A run without that last line is pending.
 *
 * <p>Step names, in the order one cross-device move passes them (see docs/safety.md): {@code planned},
 * {@code copied}, {@code verified}, {@code placed}, {@code set-aside}, {@code linked}, {@code cleaned},
 * {@code committed}. {@code TETHER_CRASH_AT=<step>} halts the process right after the first record of
 * that step, as {@code kill -9} would; tests use it to prove every interruption is recoverable.
 */
public final class Journal {
    public static final String PLANNED = "planned";
    public static final String COPIED = "copied";
    public static final String VERIFIED = "verified";
    public static final String PLACED = "placed";
    public static final String SET_ASIDE = "set-aside";
    public static final String LINKED = "linked";
    public static final String CLEANED = "cleaned";
    public static final String COMMITTED = "committed";
    public static final List<String> STEPS = List.of(PLANNED, COPIED, VERIFIED, PLACED, SET_ASIDE, LINKED, CLEANED, COMMITTED);

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final String crashAt;

    public Journal(Path stateDir, String crashAt) {
        this.file = stateDir.resolve("journal.jsonl");
        this.crashAt = crashAt == null || crashAt.isEmpty() ? null : crashAt;
    }

    public Path file() {
        return file;
    }

    /** A run that did not end: its command, plan and the steps each item completed. */
    public record Pending(String runId, String command, JsonNode plan, Map<String, Set<String>> steps, String started) {
        public Set<String> stepsOf(String item) {
            return steps.getOrDefault(item, Set.of());
        }
    }

    /** Starts a run: writes its plan as the {@code planned} line. */
    public Run begin(String command, JsonNode plan) throws IOException {
        String id = RUN_ID.format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Run run = new Run(id, command);
        ObjectNode line = run.line(PLANNED, null);
        line.set("plan", plan);
        append(line, PLANNED);
        return run;
    }

    /** Writes a plan's JSON object (the whole value, braces included) straight to the journal's line. */
    public interface PlanWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /**
     * Starts a run like {@link #begin(String, JsonNode)}, the same line, but the plan is written by {@code plan}
     * as it goes instead of built as a tree first: a backup's plan names every file it may write (20,000 in a
     * large first backup), and the tree of it cost more memory than everything else the run holds.
     */
    public Run beginStreamed(String command, PlanWriter plan) throws IOException {
        String id = RUN_ID.format(Instant.now()) + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Run run = new Run(id, command);
        ObjectNode head = run.line(PLANNED, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator g = Json.COMPACT.getFactory().createGenerator(bytes)) {
            g.writeStartObject();
            for (var fields = head.fields(); fields.hasNext();) {
                var field = fields.next();
                g.writeFieldName(field.getKey());
                g.writeTree(field.getValue());
            }
            g.writeFieldName("plan");
            plan.write(g);
            g.writeEndObject();
        }
        bytes.write('\n');
        write(bytes.toByteArray(), PLANNED);
        return run;
    }

    /** Continues a pending run, so its later steps land under the same id. */
    public Run resume(Pending pending) {
        return new Run(pending.runId(), pending.command());
    }

    /** The last run, when it did not end. Unparseable lines (a torn last write) are ignored. */
    public Optional<Pending> pending() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Map<String, Pending> runs = new LinkedHashMap<>();
        String last = null;
        // Decoded leniently: a torn last write may end inside a multi-byte character, and that line is ignored below.
        String journalText = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        for (String text : journalText.split("\n")) {
            JsonNode line;
            try {
                line = Json.COMPACT.readTree(text);
            } catch (IOException e) {
                continue;
            }
            if (line == null || !line.hasNonNull("run")) {
                continue;
            }
            String run = line.get("run").asText();
            String step = line.path("step").asText();
            JsonNode item = line.get("item");
            if (PLANNED.equals(step) && (item == null || item.isNull())) {
                runs.put(run, new Pending(run, line.path("command").asText(), line.get("plan"), new LinkedHashMap<>(),
                        line.path("time").asText()));
                last = run;
            } else if (runs.containsKey(run)) {
                if (item == null || item.isNull()) {
                    if (COMMITTED.equals(step)) {
                        runs.remove(run);
                    }
                } else {
                    runs.get(run).steps().computeIfAbsent(item.asText(), k -> new LinkedHashSet<>()).add(step);
                }
            }
        }
        return last == null ? Optional.empty() : Optional.ofNullable(runs.get(last));
    }

    private void append(ObjectNode line, String crashStep) throws IOException {
        write((Json.COMPACT.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8), crashStep);
    }

    private void write(byte[] bytes, String crashStep) throws IOException {
        Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        if (crashStep != null && crashStep.equals(crashAt)) {
            // For tests: stop dead, as kill -9 would. No shutdown hooks, no flushing, no cleanup.
            Runtime.getRuntime().halt(137);
        }
    }

    /** One run's handle for recording steps. */
    public final class Run implements StepRecorder {
        private final String id;
        private final String command;

        private Run(String id, String command) {
            this.id = id;
            this.command = command;
        }

        public String id() {
            return id;
        }

        @Override
        public void record(String step, String item) throws IOException {
            append(line(step, item), step);
        }

        /** Marks the run as ended; {@code outcome} says how (done, rolled-forward, rolled-back). */
        public void commit(String outcome) throws IOException {
            ObjectNode line = line(COMMITTED, null);
            line.put("outcome", outcome);
            append(line, null); // a run-level commit never triggers TETHER_CRASH_AT: the item-level one does
        }

        /**
         * Commits this run and then empties the journal, for a journal whose ended runs nobody reads again (the
         * archive's): this run was the last one, so nothing is pending once it is committed. Killed between the
         * two, the journal keeps an ended run, which {@link #forgetEndedRuns} drops later.
         */
        public void commitAndForget(String outcome) throws IOException {
            commit(outcome);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.force(true);
            }
        }

        private ObjectNode line(String step, String item) {
            ObjectNode line = Json.COMPACT.createObjectNode();
            line.put("run", id);
            line.put("command", command);
            line.put("step", step);
            line.put("item", item);
            line.put("time", Instant.now().toString());
            return line;
        }
    }

    /**
     * Empties the journal when no run is pending: for a journal whose ended runs nobody reads again (the
     * archive's, which would otherwise grow by a plan per backup). Refuses nothing; leaves a pending run alone.
     */
    public void forgetEndedRuns() throws IOException {
        if (Files.exists(file) && pending().isEmpty()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(0);
                ch.force(true);
            }
        }
    }

    /** For tests and reports: every step ever recorded, in order. */
    public List<String> allLines() throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : new ArrayList<>();
    }
}
