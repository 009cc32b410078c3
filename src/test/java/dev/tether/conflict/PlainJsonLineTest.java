package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The plain scan answers what Jackson answers, or leaves the line to Jackson; it answers for the usual lines. */
class PlainJsonLineTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void agrees(byte[] line) {
        LineStamp plain = PlainJsonLine.scan(line);
        if (plain != null) {
            assertEquals(LineStamp.parsed(line), plain, () -> new String(line, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"display\":\"fix the test\",\"pastedContents\":{},\"timestamp\":1718000000000,\"project\":\"/home/me/app\"}",
            "{\"parentUuid\":null,\"isSidechain\":false,\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\\nb \\\"q\\\"\"}]},\"uuid\":\"x\",\"timestamp\":\"2024-06-17T10:15:00.123Z\"}",
            "{\"timestamp\":\"1718000000000\"}", "{\"a\":[1,2.5,-3e10,true,false,null,{},[]],\"timestamp\":-0}",
            "[1,2,3]", "\"just a string\"", "42", " { \"timestamp\" : 5 } ", "{}",
            "{\"timestamp\":null,\"timestamp\":7}", "{\"timestamp\":{\"timestamp\":1},\"x\":1}"})
    void answersForUsualLinesAsJacksonDoes(String line) {
        LineStamp plain = PlainJsonLine.scan(bytes(line));
        assertNotNull(plain, line);
        assertEquals(LineStamp.parsed(bytes(line)), plain);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "01", "1.", "-", "1e", "truex", "{} {}", "{}x",
            "{\"r\u00e9sum\u00e9\":1}", "{\"a\":\"\t\"}", "{\"time\\u0073tamp\":5}", "{\"timestamp\":\"17\\u00318\"}", "NaN",
            "{'a':1}", "{a:1}", "/*c*/{}", "{\"a\":\"\\x\"}"})
    void leavesTheRestToJackson(String line) {
        assertNull(PlainJsonLine.scan(bytes(line)), line);
    }

    @Test
    void aBigIntegerOrAFloatIsNoTimestamp() {
        for (String line : new String[] {"{\"timestamp\":9223372036854775808}", "{\"timestamp\":1.5e12}",
                "{\"timestamp\":-9223372036854775808}"}) {
            agrees(bytes(line));
            assertNotNull(PlainJsonLine.scan(bytes(line)));
        }
        assertNull(PlainJsonLine.scan(bytes("{\"timestamp\":1.5e12}")).stamp());
    }

    /** Random JSON, then random edits with the characters that matter to a parser: the scan never disagrees. */
    @Test
    void neverDisagreesWithJacksonOnRandomAndBrokenLines() {
        Random random = new Random(5);
        String alphabet = "{}[]:,\"\\/ \t\r0123456789.-+eEtrufalsn\u00e9\u0001\u007fabxTimestamp";
        int answered = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder line = new StringBuilder();
            randomValue(random, line, 0, true);
            for (int edits = random.nextInt(4); edits > 0 && line.length() > 0; edits--) {
                int at = random.nextInt(line.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> line.insert(at, c);
                    case 1 -> line.deleteCharAt(at);
                    default -> line.setCharAt(at, c);
                }
            }
            byte[] b = bytes(line.toString());
            agrees(b);
            if (PlainJsonLine.scan(b) != null) {
                answered++;
            }
        }
        assertTrue(answered > 50_000, "the scan answered only " + answered + " lines");
    }

    private static void randomValue(Random r, StringBuilder out, int depth, boolean top) {
        int kind = top ? 0 : r.nextInt(depth > 4 ? 5 : 7);
        switch (kind) {
            case 0 -> {
                out.append('{');
                int n = r.nextInt(top ? 6 : 4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    out.append(r.nextInt(4) == 0 ? "\"timestamp\"" : "\"k" + r.nextInt(9) + "\"").append(r.nextBoolean() ? ":" : " : ");
                    randomValue(r, out, depth + 1, false);
                }
                out.append('}');
            }
            case 1 -> out.append(r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null");
            case 2 -> out.append(switch (r.nextInt(6)) {
                case 0 -> String.valueOf(r.nextLong());
                case 1 -> String.valueOf(1_700_000_000_000L + r.nextInt(1000));
                case 2 -> "-0";
                case 3 -> r.nextInt(100) + "." + r.nextInt(100);
                case 4 -> r.nextInt(9) + "e" + (r.nextBoolean() ? "-" : "+") + r.nextInt(30);
                default -> "92233720368547758" + r.nextInt(100);
            });
            case 3 -> out.append(switch (r.nextInt(6)) {
                case 0 -> "\"2024-06-17T10:15:00Z\"";
                case 1 -> "\"1718000000000\"";
                case 2 -> "\"a \\\"quoted\\\" \\u00e9 \\n\"";
                case 3 -> "\"2024-06-17T10:15:00+02:00\"";
                case 4 -> "\" 171800 \"";
                default -> "\"plain text\"";
            });
            case 4 -> out.append("\"s").append(r.nextInt(100)).append('"');
            default -> {
                out.append('[');
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        out.append(',');
                    }
                    randomValue(r, out, depth + 1, false);
                }
                out.append(']');
            }
        }
    }
}
