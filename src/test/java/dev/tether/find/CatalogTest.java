package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A session is named by its id or a unique prefix; copies of one id are one session, archive first. */
class CatalogTest {
    private static StoredSession stored(String id, Origin origin) {
        return new StoredSession(id, "-k", origin, TranscriptFile.of(Path.of("/x/" + origin + "/" + id + ".jsonl"), 1,
                Instant.EPOCH), null, false);
    }

    private static Catalog of(StoredSession... sessions) {
        return Catalog.of(List.of(problems -> List.of(sessions)), new Problems());
    }

    @Test
    void findsByIdOrUniquePrefix() {
        Catalog c = of(stored("abc1", Origin.LIVE), stored("abd2", Origin.LIVE), stored("abc", Origin.LIVE));
        assertEquals("abc", assertInstanceOf(Catalog.Found.class, c.find("abc")).entry().id());
        assertEquals("abd2", assertInstanceOf(Catalog.Found.class, c.find("abd")).entry().id());
        assertEquals(3, assertInstanceOf(Catalog.Ambiguous.class, c.find("ab")).candidates().size());
        assertInstanceOf(Catalog.Missing.class, c.find("b"));
        assertInstanceOf(Catalog.Missing.class, c.find(""));
    }

    @Test
    void copiesOfOneSessionAreOneEntryWithTheArchiveFirst() {
        Catalog c = Catalog.of(List.of(problems -> List.of(stored("s1", Origin.LIVE)),
                problems -> List.of(stored("s1", Origin.ARCHIVE), stored("s2", Origin.ARCHIVE))), new Problems());
        assertEquals(2, c.entries().size());
        CatalogEntry s1 = c.entries().get(0);
        assertEquals(List.of(Origin.ARCHIVE, Origin.LIVE), s1.copies().stream().map(StoredSession::origin).toList());
        assertEquals(Origin.LIVE, s1.status());
        assertEquals(Origin.ARCHIVE, c.entries().get(1).status());
    }
}
