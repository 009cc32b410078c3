package dev.tether.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tether.state.AtomicFiles;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The archive's index of sessions ({@code .tether-archive/sessions.json}), newest first. Derived data: it can
 * be rebuilt from the archived transcripts alone ({@code tether backup --reindex}).
 */
public final class SessionIndex {
    private static final TypeReference<List<SessionEntry>> LIST = new TypeReference<>() {
    };

    private final Map<String, SessionEntry> byRel = new LinkedHashMap<>();

    /** The index of the archive at {@code layout}; empty when there is none or it cannot be read. */
    public static SessionIndex load(ArchiveLayout layout) {
        SessionIndex index = new SessionIndex();
        if (Files.isRegularFile(layout.index())) {
            try {
                for (SessionEntry e : Json.COMPACT.readValue(Files.readAllBytes(layout.index()), LIST)) {
                    index.byRel.put(e.rel(), e);
                }
            } catch (IOException e) {
                // rebuilt by --reindex; a backup adds what it archives
            }
        }
        return index;
    }

    public List<SessionEntry> sessions() {
        List<SessionEntry> out = new ArrayList<>(byRel.values());
        out.sort(Comparator.comparing((SessionEntry e) -> e.lastTimestamp() == null ? "" : e.lastTimestamp()).reversed()
                .thenComparing(SessionEntry::id));
        return out;
    }

    SessionEntry get(String rel) {
        return byRel.get(rel);
    }

    void put(SessionEntry entry) {
        byRel.put(entry.rel(), entry);
    }

    /** Marks each session live or archived-only by whether its transcript is among {@code liveRels}; true when one changed. */
    boolean markLive(java.util.Set<String> liveRels) {
        boolean[] changed = {false};
        byRel.replaceAll((rel, e) -> {
            if (e.live() == liveRels.contains(rel)) {
                return e;
            }
            changed[0] = true;
            return e.withLive(!e.live());
        });
        return changed[0];
    }

    void save(ArchiveLayout layout) throws IOException {
        AtomicFiles.write(layout.index(), Json.COMPACT.writeValueAsBytes(sessions()));
    }
}
