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

    @Test
    void aSavedCatalogLoadsBackTheSame(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        ArchiveLayout layout = new ArchiveLayout(dir);
        Map<String, Catalog.Entry> files = new TreeMap<>(sample().files());
        for (int i = 0; i < 3000; i++) { // many distinct paths as field names, the case the parser's settings are for
            files.put("file-history/s" + (i % 50) + "/f" + i + "@v1", new Catalog.Entry("(dev=fe00,ino=" + i + ")", i, 1700000000000L + i,
                    -1, -1, 0, List.of(new Catalog.Version(1, i, i * 7L))));
        }
        Catalog catalog = new Catalog(1, "machine-1", files, "run-1");
        catalog.save(layout);
        assertEquals(catalog, Catalog.load(layout, "machine-1"));
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(layout.catalog("machine-1")))) {
            assertEquals('{', in.read(), "still gzipped JSON");
        }
    }
}
