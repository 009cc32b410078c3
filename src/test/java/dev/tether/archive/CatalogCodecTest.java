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

/** The catalog's streaming codec reads back exactly what it wrote, and reads what earlier versions wrote. */
class CatalogCodecTest {
    private static Catalog sample() {
        Map<String, Catalog.Entry> files = new TreeMap<>();
        files.put("projects/-k/s.jsonl", new Catalog.Entry("(dev=1,ino=2)", 120, 1700000000123L, 88, 120, 4242424242L, List.of()));
        files.put("file-history/s/a@v1", new Catalog.Entry(null, 7, 1, -1, -1, 0,
                List.of(new Catalog.Version(1, 7, 99), new Catalog.Version(2, 9, 4294967295L))));
        files.put("Bücher/ü \"q\".jsonl", new Catalog.Entry("k", 0, 0, 20, -1, 0, List.of()));
        return new Catalog(Catalog.SCHEMA, "machine-1", files, "20261206T000000Z-abcd");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogCodec.write(sample(), out);
        assertEquals(sample(), CatalogCodec.read(new ByteArrayInputStream(out.toByteArray())));
    }

    @Test
    void schemaOneThePlainJsonOfTheRecordsWithPathsAsFieldNamesIsStillRead() throws IOException {
        // what tether wrote before schema 2: the records as Jackson binds them, each path a field name of "files"
        Catalog old = new Catalog(1, "machine-1", sample().files(), "20261206T000000Z-abcd");
        byte[] schemaOne = new ObjectMapper().writeValueAsBytes(old);
        assertEquals(sample(), CatalogCodec.read(new ByteArrayInputStream(schemaOne)));
    }

    @Test
    void schemaTwoHoldsEachFileAsARowWithItsPathAsAValue() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CatalogCodec.write(sample(), out);
        com.fasterxml.jackson.databind.JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertEquals(2, doc.path("schema").asInt());
        assertEquals("[\"Bücher/ü \\\"q\\\".jsonl\",\"k\",0,0,20,-1,0,[]]", doc.path("entries").get(0).toString(), "sorted by path");
        assertEquals("[\"file-history/s/a@v1\",null,7,1,-1,-1,0,[[1,7,99],[2,9,4294967295]]]", doc.path("entries").get(1).toString());
    }

    @Test
    void aRowOfTheWrongShapeIsAnErrorNotAGuess() {
        byte[] bad = "{\"schema\":2,\"machineId\":\"m\",\"lastRun\":null,\"entries\":[[\"a\",\"k\",\"7\",1,1,1,1,[]]]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> CatalogCodec.read(new ByteArrayInputStream(bad)));
    }

    @Test
    void aSavedCatalogLoadsBackTheSame(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        ArchiveLayout layout = new ArchiveLayout(dir);
        Map<String, Catalog.Entry> files = new TreeMap<>(sample().files());
        for (int i = 0; i < 3000; i++) { // many distinct paths, as a large home has
            files.put("file-history/s" + (i % 50) + "/f" + i + "@v1", new Catalog.Entry("(dev=fe00,ino=" + i + ")", i, 1700000000000L + i,
                    -1, -1, 0, List.of(new Catalog.Version(1, i, i * 7L))));
        }
        Catalog catalog = new Catalog(Catalog.SCHEMA, "machine-1", files, "run-1");
        catalog.save(layout);
        assertEquals(catalog, Catalog.load(layout, "machine-1"));
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(layout.catalog("machine-1")))) {
            assertEquals('{', in.read(), "still gzipped JSON");
        }
    }
}
