package dev.tether.archive;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tether.state.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's JSON, read and written with Jackson's streaming API: a backup with nothing new reads the
 * whole catalog (one entry per live file, 20,000 of them in a large home), and binding each entry to a record
 * through reflection cost more than listing the files. The format is the plain JSON of {@link Catalog}.
 */
final class CatalogCodec {
    /**
     * Without canonical field names: every file's path is a field name, and putting 20,000 distinct names in
     * the parser's symbol table (and interning them) made most of the cost and the garbage of reading it.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

    private CatalogCodec() {
    }

    static void write(Catalog c, OutputStream out) throws IOException {
        try (JsonGenerator g = Json.COMPACT.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", c.schema());
            g.writeStringField("machineId", c.machineId());
            g.writeStringField("lastRun", c.lastRun());
            g.writeObjectFieldStart("files");
            for (Map.Entry<String, Catalog.Entry> e : c.files().entrySet()) {
                Catalog.Entry f = e.getValue();
                g.writeObjectFieldStart(e.getKey());
                g.writeStringField("key", f.key());
                g.writeNumberField("size", f.size());
                g.writeNumberField("mtime", f.mtime());
                g.writeNumberField("archiveSize", f.archiveSize());
                g.writeNumberField("exact", f.exact());
                g.writeNumberField("window", f.window());
                g.writeArrayFieldStart("versions");
                for (Catalog.Version v : f.versions()) {
                    g.writeStartObject();
                    g.writeNumberField("n", v.n());
                    g.writeNumberField("size", v.size());
                    g.writeNumberField("crc", v.crc());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    static Catalog read(InputStream in) throws IOException {
        int schema = 1;
        String machineId = null;
        String lastRun = null;
        Map<String, Catalog.Entry> files = new TreeMap<>();
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "schema" -> schema = p.getIntValue();
                    case "machineId" -> machineId = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "lastRun" -> lastRun = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "files" -> {
                        expect(value, JsonToken.START_OBJECT);
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String rel = p.currentName();
                            expect(p.nextToken(), JsonToken.START_OBJECT);
                            files.put(rel, entry(p));
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Catalog(schema, machineId, files, lastRun);
    }

    private static Catalog.Entry entry(JsonParser p) throws IOException {
        String key = null;
        long size = 0;
        long mtime = 0;
        long archiveSize = -1;
        long exact = -1;
        long window = 0;
        List<Catalog.Version> versions = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "key" -> key = value == JsonToken.VALUE_NULL ? null : p.getText();
                case "size" -> size = p.getLongValue();
                case "mtime" -> mtime = p.getLongValue();
                case "archiveSize" -> archiveSize = p.getLongValue();
                case "exact" -> exact = p.getLongValue();
                case "window" -> window = p.getLongValue();
                case "versions" -> {
                    expect(value, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        versions.add(version(p));
                    }
                }
                default -> p.skipChildren();
            }
        }
        return new Catalog.Entry(key, size, mtime, archiveSize, exact, window, versions);
    }

    private static Catalog.Version version(JsonParser p) throws IOException {
        int n = 0;
        long size = 0;
        long crc = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "n" -> n = p.getIntValue();
                case "size" -> size = p.getLongValue();
                case "crc" -> crc = p.getLongValue();
                default -> p.skipChildren();
            }
        }
        return new Catalog.Version(n, size, crc);
    }

    private static void expect(JsonToken found, JsonToken wanted) throws IOException {
        if (found != wanted) {
            throw new IOException("the catalog is not what tether writes (" + found + " where " + wanted + " belongs)");
        }
    }
}
