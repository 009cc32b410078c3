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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The catalog's JSON, read and written with Jackson's streaming API: a backup with nothing new reads the
 * whole catalog (one entry per live file, 20,000 of them in a large home), and binding each entry to a record
 * through reflection cost more than listing the files.
 *
 * <p>Schema 2 (written now) holds each file as an array, its path a string value:
 * {@code {"schema":2,"machineId":…,"lastRun":…,"entries":[[path,key,size,mtime,archiveSize,exact,window,[[n,size,crc],…]],…]}}.
 * Schema 1 held each file as an object under {@code "files"}, its path the field name; it is still read. With
 * 20,000 paths as field names, the parser either filled its symbol table with names seen once, or (with that
 * table off) read through a {@code Reader} and made a new string for every field name: the two made most of
 * the cost and the garbage of a backup with nothing new.
 */
final class CatalogCodec {
    /** Schema 1's reader: without canonical field names, as its 20,000 distinct names called for. */
    private static final JsonFactory SCHEMA_1 = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();
    /** Schema 2's reader: a handful of field names, canonical, so the parser reads UTF-8 bytes directly. */
    private static final JsonFactory SCHEMA_2 = JsonFactory.builder().disable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

    private CatalogCodec() {
    }

    static void write(Catalog c, OutputStream out) throws IOException {
        Map<String, Catalog.Entry> sorted = c.files() instanceof TreeMap<String, Catalog.Entry> t ? t : new TreeMap<>(c.files());
        try (JsonGenerator g = Json.COMPACT.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("schema", Catalog.SCHEMA);
            g.writeStringField("machineId", c.machineId());
            g.writeStringField("lastRun", c.lastRun());
            g.writeArrayFieldStart("entries");
            for (Map.Entry<String, Catalog.Entry> e : sorted.entrySet()) {
                Catalog.Entry f = e.getValue();
                g.writeStartArray();
                g.writeString(e.getKey());
                g.writeString(f.key());
                g.writeNumber(f.size());
                g.writeNumber(f.mtime());
                g.writeNumber(f.archiveSize());
                g.writeNumber(f.exact());
                g.writeNumber(f.window());
                g.writeStartArray();
                for (Catalog.Version v : f.versions()) {
                    g.writeStartArray();
                    g.writeNumber(v.n());
                    g.writeNumber(v.size());
                    g.writeNumber(v.crc());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** Reads either schema; which one is known only after the first bytes, so they are looked at first. */
    static Catalog read(InputStream in) throws IOException {
        java.io.BufferedInputStream buffered = new java.io.BufferedInputStream(in, 1 << 16);
        buffered.mark(64);
        byte[] head = buffered.readNBytes(32);
        buffered.reset();
        boolean schema2 = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).replace(" ", "").startsWith("{\"schema\":2");
        String machineId = null;
        String lastRun = null;
        Map<String, Catalog.Entry> files = new HashMap<>(1 << 12);
        try (JsonParser p = (schema2 ? SCHEMA_2 : SCHEMA_1).createParser(buffered)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "machineId" -> machineId = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "lastRun" -> lastRun = value == JsonToken.VALUE_NULL ? null : p.getText();
                    case "entries" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            expect(p.nextToken(), JsonToken.VALUE_STRING);
                            String rel = p.getText();
                            files.put(rel, row(p));
                        }
                    }
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
        return new Catalog(Catalog.SCHEMA, machineId, files, lastRun);
    }

    /** One schema 2 row after its path: key, size, mtime, archiveSize, exact, window, versions; at the row's end. */
    private static Catalog.Entry row(JsonParser p) throws IOException {
        JsonToken k = p.nextToken();
        String key = k == JsonToken.VALUE_NULL ? null : p.getText();
        long size = longValue(p);
        long mtime = longValue(p);
        long archiveSize = longValue(p);
        long exact = longValue(p);
        long window = longValue(p);
        expect(p.nextToken(), JsonToken.START_ARRAY);
        List<Catalog.Version> versions = List.of();
        while (p.nextToken() == JsonToken.START_ARRAY) {
            if (versions.isEmpty()) {
                versions = new ArrayList<>(2);
            }
            versions.add(new Catalog.Version((int) longValue(p), longValue(p), longValue(p)));
            expect(p.nextToken(), JsonToken.END_ARRAY);
        }
        expect(p.nextToken(), JsonToken.END_ARRAY);
        return new Catalog.Entry(key, size, mtime, archiveSize, exact, window, versions);
    }

    private static long longValue(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    /** One schema 1 entry (an object); at the object's end. */
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
