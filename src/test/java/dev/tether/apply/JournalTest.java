package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Journal#pending}: how the next run tells whether, and how far, the last one got. */
class JournalTest {
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path stateDir = fs.getPath("/home/me/.local/state/tether");
    private final Journal journal = new Journal(stateDir, null);

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private static ObjectNode plan(String syncRoot) {
        ObjectNode plan = Json.COMPACT.createObjectNode();
        plan.put("syncRoot", syncRoot);
        return plan;
    }

    private void appendRaw(byte[] bytes) throws IOException {
        Files.write(journal.file(), bytes, StandardOpenOption.APPEND);
    }

    @Test
    void nothingIsPendingWithoutAJournal() throws IOException {
        assertEquals(Optional.empty(), journal.pending());
    }

    @Test
    void aCommittedRunIsNotPending() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/home/me/Drive"));
        run.record(Journal.PLACED, "projects");
        run.record(Journal.LINKED, "projects");
        run.record(Journal.COMMITTED, "projects");
        run.commit("done");
        assertEquals(Optional.empty(), journal.pending());
    }

    @Test
    void aRunWithoutItsFinalCommittedLineIsPending() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/home/me/Drive"));
        run.record(Journal.PLACED, "projects");
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals(run.id(), p.runId());
        assertEquals("setup", p.command());
        assertEquals("/home/me/Drive", p.plan().path("syncRoot").asText());
        assertFalse(p.started().isEmpty());
    }

    @Test
    void anItemsCommittedStepDoesNotEndTheRun() throws IOException {
        Journal.Run run = journal.begin("unlink", plan("/r"));
        run.record(Journal.COMMITTED, "projects");
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals("unlink", p.command());
        assertEquals(List.of(Journal.COMMITTED), List.copyOf(p.stepsOf("projects")));
    }

    @Test
    void collectsTheStepsOfEachItemInOrder() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/r"));
        run.record(Journal.COPIED, "projects");
        run.record(Journal.VERIFIED, "projects");
        run.record(Journal.PLACED, "history.jsonl");
        run.record(Journal.PLACED, "projects");
        run.record(Journal.SET_ASIDE, "projects");
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals(List.of(Journal.COPIED, Journal.VERIFIED, Journal.PLACED, Journal.SET_ASIDE), List.copyOf(p.stepsOf("projects")));
        assertEquals(List.of(Journal.PLACED), List.copyOf(p.stepsOf("history.jsonl")));
        assertTrue(p.stepsOf("tasks").isEmpty());
    }

    @Test
    void stepsOfAnEarlierCommittedRunDoNotLeakIntoThePendingOne() throws IOException {
        Journal.Run first = journal.begin("setup", plan("/r"));
        first.record(Journal.PLACED, "projects");
        first.commit("done");
        Journal.Run second = journal.begin("unlink", plan("/r"));
        second.record(Journal.PLACED, "tasks");
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals(second.id(), p.runId());
        assertTrue(p.stepsOf("projects").isEmpty());
        assertEquals(List.of(Journal.PLACED), List.copyOf(p.stepsOf("tasks")));
    }

    @Test
    void aResumedRunThatCommitsIsNoLongerPending() throws IOException {
        journal.begin("setup", plan("/r")).record(Journal.PLACED, "projects");
        Journal.Pending p = journal.pending().orElseThrow();
        Journal.Run resumed = journal.resume(p);
        assertEquals(p.runId(), resumed.id());
        resumed.record(Journal.LINKED, "projects");
        resumed.commit("rolled-forward");
        assertEquals(Optional.empty(), journal.pending());
    }

    @Test
    void aTornLastLineIsIgnored() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/r"));
        run.record(Journal.PLACED, "projects");
        appendRaw(("{\"run\":\"" + run.id() + "\",\"command\":\"setup\",\"step\":\"linked\",\"ite").getBytes(StandardCharsets.UTF_8));
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals(List.of(Journal.PLACED), List.copyOf(p.stepsOf("projects")));
    }

    @Test
    void aTornLastLineAfterACommittedRunLeavesNothingPending() throws IOException {
        journal.begin("setup", plan("/r")).commit("done");
        appendRaw("{\"run\":\"2024".getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), journal.pending());
    }

    @Test
    void aTornLastLineCutInsideAMultiByteCharacterIsIgnored() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/home/me/Google Drive/Mon Drive"));
        run.record(Journal.PLACED, "projects");
        byte[] line = ("{\"run\":\"" + run.id() + "\",\"command\":\"setup\",\"step\":\"planned\",\"plan\":{\"syncRoot\":\"/home/me/Bücher")
                .getBytes(StandardCharsets.UTF_8);
        int cut = new String(line, StandardCharsets.ISO_8859_1).indexOf('\u00c3') + 1; // the first byte of 'ü' only
        appendRaw(Arrays.copyOf(line, cut));
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals(run.id(), p.runId());
        assertEquals(List.of(Journal.PLACED), List.copyOf(p.stepsOf("projects")));
    }

    @Test
    void linesThatAreNotJournalLinesAreIgnored() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/r"));
        appendRaw("\n[]\n{\"step\":\"committed\"}\n\"text\"\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(run.id(), journal.pending().orElseThrow().runId());
    }

    @Test
    void eachStepIsOneLineOfTheJournalFile() throws IOException {
        Journal.Run run = journal.begin("setup", plan("/r"));
        run.record(Journal.PLACED, "projects");
        run.commit("done");
        List<String> lines = journal.allLines();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).contains("\"step\":\"planned\""), lines.get(0));
        assertTrue(lines.get(2).contains("\"outcome\":\"done\""), lines.get(2));
        assertEquals(stateDir.resolve("journal.jsonl"), journal.file());
    }

    @Test
    void aStreamedPlanIsReadBackLikeATreePlan() throws IOException {
        Journal.Run run = journal.beginStreamed("backup", g -> {
            g.writeStartObject();
            g.writeStringField("syncRoot", "/home/me/Drive");
            g.writeArrayFieldStart("files");
            g.writeStartObject();
            g.writeNumberField("before", -1);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
        Journal.Pending p = journal.pending().orElseThrow();
        assertEquals(run.id(), p.runId());
        assertEquals("backup", p.command());
        assertEquals("/home/me/Drive", p.plan().path("syncRoot").asText());
        assertEquals(-1, p.plan().path("files").get(0).path("before").asLong());
        List<String> lines = journal.allLines();
        assertEquals(1, lines.size());
        // the same fields, in the same order, as the line begin() writes
        String tree = lines.get(0);
        assertTrue(tree.matches("\\{\"run\":\"[^\"]+\",\"command\":\"backup\",\"step\":\"planned\",\"item\":null,"
                + "\"time\":\"[^\"]+\",\"plan\":\\{.*"), tree);
    }

    @Test
    void commitAndForgetLeavesAnEmptyJournal() throws IOException {
        Journal.Run run = journal.begin("backup", plan("/a"));
        run.record(Journal.COMMITTED, "archive");
        run.commitAndForget("done");
        assertEquals(List.of(), journal.allLines());
        assertEquals(Optional.empty(), journal.pending());
        Journal.Run next = journal.begin("backup", plan("/b"));
        assertEquals(next.id(), journal.pending().orElseThrow().runId(), "a later run is journaled as before");
    }
}
