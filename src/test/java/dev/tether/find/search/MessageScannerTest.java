package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.demo.SampleData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner gives the facts Jackson's reading gives, or none (and then Jackson is asked): on every line of
 * generated sessions, on those lines mutated at random, and on lines made to be awkward.
 */
class MessageScannerTest {
    @TempDir
    Path tmp;

    /**
     * The scanner's facts equal Jackson's whenever it gives any (its {@code NOTHING} is Jackson's null: nothing to
     * search); returns whether it gave any.
     */
    private static boolean agrees(byte[] line) {
        MessageFacts fast = MessageScanner.read(line, 0, line.length);
        MessageFacts jackson = MessageFacts.readWithJackson(line, 0, line.length);
        if (fast != null) {
            assertEquals(jackson, fast == MessageScanner.NOTHING ? null : fast, () -> new String(line, StandardCharsets.UTF_8));
        }
        assertEquals(jackson, MessageFacts.read(line, 0, line.length), () -> new String(line, StandardCharsets.UTF_8));
        return fast != null;
    }

    private static boolean agrees(String line) {
        return agrees(line.getBytes(StandardCharsets.UTF_8));
    }

    private List<byte[]> generatedLines() throws IOException {
        Path claude = tmp.resolve(".claude");
        SampleData.generate(claude, 11, new SampleData.Scale(0, 3, 60, 6, 0, 1), Instant.parse("2026-05-01T12:00:00Z"));
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(claude.resolve("projects"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    lines.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return lines;
    }

    @Test
    void onEveryGeneratedLineTheFactsAreJacksonsAndTheScannerIsSureOfThem() throws IOException {
        List<byte[]> lines = generatedLines();
        assertTrue(lines.size() > 1000, "lines: " + lines.size());
        int sure = 0;
        int withText = 0;
        for (byte[] line : lines) {
            if (agrees(line)) {
                sure++;
            }
            MessageFacts f = MessageScanner.read(line, 0, line.length);
            if (f != null && f != MessageScanner.NOTHING) {
                withText++;
            }
        }
        assertEquals(lines.size(), sure, "the generator writes plain JSON: the scanner reads all of it");
        assertTrue(withText > lines.size() / 4, "texts found on " + withText + " of " + lines.size() + " lines");
    }

    @Test
    void onMutatedLinesTheScannerNeverDisagreesWithJackson() throws IOException {
        List<byte[]> lines = generatedLines();
        Random r = new Random(20261206);
        byte[] alphabet = "{}[]\":,\\ u0123456789abcdeftrnl-+.eE\u00e9\t\n".getBytes(StandardCharsets.UTF_8);
        int sure = 0;
        int tried = 0;
        for (int n = 0; n < 30_000; n++) {
            byte[] line = lines.get(r.nextInt(lines.size()));
            if (line.length < 2) {
                continue;
            }
            byte[] m = switch (r.nextInt(5)) {
                case 0 -> without(line, r.nextInt(line.length));
                case 1 -> with(line, r.nextInt(line.length + 1), alphabet[r.nextInt(alphabet.length)]);
                case 2 -> replaced(line, r.nextInt(line.length), alphabet[r.nextInt(alphabet.length)]);
                case 3 -> replaced(line, r.nextInt(line.length), (byte) (0x80 + r.nextInt(0x80)));
                default -> without(line, line.length - 1 - r.nextInt(Math.min(5, line.length)));
            };
            tried++;
            if (agrees(m)) {
                sure++;
            }
        }
        assertTrue(sure > tried / 20, "the scanner was sure of " + sure + " of " + tried + " mutated lines");
    }

    private static byte[] without(byte[] b, int at) {
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, at + 1, out, at, b.length - at - 1);
        return out;
    }

    private static byte[] with(byte[] b, int at, byte c) {
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    private static byte[] replaced(byte[] b, int at, byte c) {
        byte[] out = b.clone();
        out[at] = c;
        return out;
    }

    @Test
    void awkwardLinesGetJacksonsFactsEitherWay() {
        String user = "{\"type\":\"user\",\"uuid\":\"u1\",\"timestamp\":\"2026-05-01T10:00:00Z\",\"cwd\":\"/w\",\"message\":{\"role\":\"user\",\"content\":\"hello kelvin\"}}";
        assertTrue(agrees(user));
        MessageFacts f = MessageScanner.read(user.getBytes(StandardCharsets.UTF_8), 0, user.length());
        assertNotNull(f);
        assertEquals(List.of(new Field("user", "hello kelvin")), f.fields());
        assertEquals("/w", f.cwd());
        for (String line : List.of(
                // keys written with escapes, repeated keys, values of other types
                "{\"typ\\u0065\":\"user\",\"message\":{\"content\":\"x\"}}",
                "{\"type\":\"user\",\"type\":\"assistant\",\"message\":{\"content\":\"a\"},\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"b\"}]}}",
                "{\"type\":7,\"uuid\":[1],\"cwd\":{\"a\":\"b\"},\"isMeta\":\"true\",\"message\":{\"content\":5}}",
                "{\"type\":\"user\",\"isMeta\":true,\"message\":{\"content\":\"meta text\"}}",
                "{\"type\":\"user\",\"isMeta\":true,\"isMeta\":false,\"message\":{\"content\":\"not meta\"}}",
                "{\"type\":\"assistant\",\"message\":{\"content\":[\"s\",{\"type\":\"tool_use\",\"name\":\"Bash\",\"input\":{\"command\":\"ls\",\"n\":[1,\"two\",{\"k\":\"three\"}],\"b\":true}},{\"type\":\"thinking\",\"thinking\":\"no\"},[\"nested\"],null]}}",
                "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"server_tool_use\",\"input\":\"q\"},{\"type\":\"tool_use\",\"name\":5,\"input\":7},{\"type\":\"text\"}]}}",
                // timestamps: millis, negative, float, huge, string millis, bad
                "{\"type\":\"user\",\"timestamp\":1746093600000,\"message\":{\"content\":\"t\"}}",
                "{\"type\":\"user\",\"timestamp\":-0,\"message\":{\"content\":\"t\"}}",
                "{\"type\":\"user\",\"timestamp\":1.5e3,\"message\":{\"content\":\"t\"}}",
                "{\"type\":\"user\",\"timestamp\":92233720368547758070,\"message\":{\"content\":\"t\"}}",
                "{\"type\":\"user\",\"timestamp\":9223372036854775807,\"message\":{\"content\":\"t\"}}",
                "{\"type\":\"user\",\"timestamp\":\"1746093600000\",\"message\":{\"content\":\"t\"}}",
                "{\"type\":\"user\",\"timestamp\":\"yesterday\",\"message\":{\"content\":\"t\"}}",
                // escapes and Unicode
                "{\"type\":\"user\",\"message\":{\"content\":\"tab\\there \\\"q\\\" \\\\ \\/ \\u212Aelvin \\ud83d\\ude80 \\udc00 caf\u00e9 \u65e5\u672c \ud83d\ude80\"}}",
                // not JSON, or not only one object
                "{\"type\":\"user\",\"message\":{\"content\":\"x\"}} trailing",
                "{\"type\":\"user\",\"message\":{\"content\":\"x\"}}{}",
                "{\"type\":\"user\",\"n\":01,\"message\":{\"content\":\"x\"}}",
                "{\"type\":\"user\",\"n\":1.,\"message\":{\"content\":\"x\"}}",
                "{\"type\":\"user\",\"n\":tru,\"message\":{\"content\":\"x\"}}",
                "{\"type\":\"user\",\"message\":{\"content\":\"x\\q\"}}",
                "{\"type\":\"user\",\"message\":{\"content\":\"x\"},}",
                "[\"type\",\"user\"]", "", "   ", "{}", "{ }", " { \"type\" : \"user\" , \"message\" : { \"content\" : \"spaced\" } } \r",
                "\ufeff{\"type\":\"user\",\"message\":{\"content\":\"bom\"}}")) {
            agrees(line);
        }
        // raw bytes: a control character, invalid and unusual UTF-8
        for (byte[] bytes : List.of(
                bytes("{\"type\":\"user\",\"message\":{\"content\":\"a", 0x01, "\"}}"),
                bytes("{\"type\":\"user\",\"message\":{\"content\":\"a", 0xC3, "\"}}"),
                bytes("{\"type\":\"user\",\"message\":{\"content\":\"a", 0xC0, 0x80, "\"}}"),
                bytes("{\"type\":\"user\",\"message\":{\"content\":\"a", 0xED, 0xA0, 0x80, "\"}}"),
                bytes("{\"type\":\"user\",\"message\":{\"content\":\"a", 0xF4, 0x90, 0x80, 0x80, "\"}}"),
                bytes("{\"type\":\"user\",\"other\":\"", 0xFF, "\",\"message\":{\"content\":\"x\"}}"))) {
            agrees(bytes);
        }
        // a string stepped over is checked as UTF-8 only when the line has something to search
        byte[] resultOnly = bytes("{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"content\":\"a", 0xFF,
                "\"}]}}");
        assertTrue(agrees(resultOnly));
        assertSame(MessageScanner.NOTHING, MessageScanner.read(resultOnly, 0, resultOnly.length), "sure: nothing to search");
        byte[] withText = bytes("{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"content\":\"a", 0xFF,
                "\"},\"said\"]}}");
        assertNull(MessageScanner.read(withText, 0, withText.length), "a text to search and a bad byte: Jackson decides");
        assertNull(MessageFacts.read(withText, 0, withText.length), "and Jackson finds the line broken");
        StringBuilder deep = new StringBuilder("{\"type\":\"user\",\"x\":");
        deep.append("[".repeat(300)).append("]".repeat(300)).append(",\"message\":{\"content\":\"deep\"}}");
        assertNull(MessageScanner.read(deep.toString().getBytes(StandardCharsets.UTF_8), 0, deep.length()), "left to Jackson");
        agrees(deep.toString());
    }

    @Test
    void aSpecialByteAtAnyPlaceOfALongStringIsSeenWhereverItFallsInAWord() {
        // JSON escapes, characters beyond ASCII (two, three and four bytes), a raw control character, a raw quote
        String[] specials = {"\\\"", "\\\\", "\\n", "\\u00e9", "\u00e9", "\u65e5", "\ud83d\ude80", "\u0001", "\"", "\u007f"};
        int sure = 0;
        for (String special : specials) {
            for (int at = 0; at < 20; at++) {
                for (int len = at; len < at + 12; len++) {
                    String text = "k".repeat(at) + special + "x".repeat(len - at);
                    String line = "{\"type\":\"user\",\"skip\":\"" + text + "\",\"message\":{\"content\":\"" + text + "\"}}";
                    if (agrees(line)) {
                        sure++;
                    }
                }
            }
        }
        assertTrue(sure > specials.length * 20 * 12 / 2, "sure of " + sure);
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }
}
