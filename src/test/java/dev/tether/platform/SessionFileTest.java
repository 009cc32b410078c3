package dev.tether.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SessionFile}: Claude Code's {@code sessions/<pid>.json}, as 2.1.332 writes it. */
class SessionFileTest {
    /** Recorded from an interactive client (the messaging socket path shortened). */
    private static final String RECORDED = "{\"pid\":25766,\"sessionId\":\"c41e7ae4-b1a7-46a6-84e7-55c9fe50dd51\","
            + "\"cwd\":\"/tmp/cx/proj\",\"startedAt\":1796538059070,\"procStart\":\"28835\",\"version\":\"2.1.332\","
            + "\"peerProtocol\":1,\"kind\":\"interactive\",\"entrypoint\":\"cli\","
            + "\"pidDomain\":\"linux:3d1219c7c4c5404aaa1f6d2a48adfda4:pid:[4026531836]\",\"status\":\"idle\"}";

    @TempDir
    Path tmp;

    @Test
    void readsTheFieldsThatIdentifyTheProcess() {
        SessionFile s = SessionFile.parse(Path.of("25766.json"), 25766, RECORDED);
        assertEquals(Optional.of("28835"), s.procStart());
        assertEquals(Optional.of("linux:3d1219c7c4c5404aaa1f6d2a48adfda4:pid:[4026531836]"), s.pidDomain());
        assertEquals(Optional.of("c41e7ae4-b1a7-46a6-84e7-55c9fe50dd51"), s.sessionId());
    }

    @Test
    void aHalfWrittenFileStillNamesItsPid() {
        SessionFile s = SessionFile.parse(Path.of("25766.json"), 25766, "{\"pid\":257");
        assertEquals(25766, s.pid());
        assertEquals(Optional.empty(), s.procStart());
    }

    @Test
    void onlyPidNamedJsonFilesAreSessionFiles() throws IOException {
        Path sessions = Files.createDirectories(tmp.resolve(".claude").resolve("sessions"));
        Files.writeString(sessions.resolve("25766.json"), RECORDED);
        Files.writeString(sessions.resolve("25766.311ba309ed2adc970f97e42a4e8461e82f1c53a576c211325069e0169941ad74.key"), "{}");
        Files.writeString(sessions.resolve("notes.json"), "{}");
        assertEquals(List.of(25766L), SessionFile.in(tmp.resolve(".claude")).stream().map(SessionFile::pid).toList());
        assertEquals(List.of(), SessionFile.in(tmp.resolve("nowhere")));
    }
}
