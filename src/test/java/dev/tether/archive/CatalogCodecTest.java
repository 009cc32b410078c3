package dev.tether.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The catalog's streaming codec writes the records' plain JSON and reads back exactly what it wrote. */
class CatalogCodecTest {
    private static Catalog sample() {
        Map<String, Catalog.Entry> files = new TreeMap<>();
        files.put("projects/-k/s.jsonl", new Catalog.Entry("(dev=1,ino=2)", 120, 1700000000123L, 88, 120, 4242424242L, List.of()));
        files.put("file-history/s/a@v1", new Catalog.Entry(null, 7, 1, -1, -1, 0,
                List.of(new Catalog.Version(1, 7, 99), new Catalog.Version(2, 9, 4294967295L))));
        files.put("Bücher/ü \"q\".jsonl", new Catalog.Entry("k", 0, 0, 20, -1, 0, List.of()));
        return new Catalog(1, "machine-1", files, "20261206T000000Z-abcd");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogCodec.write(sample(), out);
        assertEquals(sample(), CatalogCodec.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void itIsThePlainJsonOfTheRecords() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogCodec.write(sample(), out);
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(json.writeValueAsBytes(sample())).path("files").get("projects/-k/s.jsonl"),
                json.readTree(out.toByteArray()).path("files").get("projects/-k/s.jsonl"));
    }
}
