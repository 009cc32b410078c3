package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte pre-filter never says no where a JSON string holds the term in some case: whatever the
 * writer escaped, whatever case each letter is in. (It may say yes where there is no match; the parse decides.)
 */
class TermTest {
    private static final ObjectMapper RAW = JsonMapper.builder().build();
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String ALPHABET = "aAbBiIİıkK\u212AsSſßẞσςΣΟΔοδМмОоǄǅǆéÉe\u0301\"\\/\n\t\u0001 日本🚀😀.-_";

    private static byte[] line(ObjectMapper mapper, String text) throws Exception {
        ObjectNode o = mapper.createObjectNode();
        o.put("type", "user");
        o.putObject("message").put("content", text);
        return mapper.writeValueAsString(o).getBytes(StandardCharsets.UTF_8);
    }

    private static boolean occurs(String term, byte[] line) {
        return new Term(term).occursIn(line, 0, line.length);
    }

    @Test
    void findsTermsWrittenAsEscapes() throws Exception {
        assertTrue(occurs("café", "{\"t\":\"caf\\u00e9\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(occurs("CAFÉ", "{\"t\":\"caf\\u00C9\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(occurs("🚀x", "{\"t\":\"\\ud83d\\ude80X\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(occurs("a\"b", "{\"t\":\"a\\\"b\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(occurs("a/b", "{\"t\":\"a\\/b\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(occurs("a\nb", "{\"t\":\"a\\nb\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(occurs("ISTANBUL", "{\"t\":\"\u0130stanbul\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void saysNoWhereNoCaseOfTheTermIsWritten() throws Exception {
        assertFalse(occurs("istanbul", line(RAW, "Ankara")));
        assertFalse(occurs("straße", line(RAW, "STRASSE")));
        assertFalse(occurs("x", "{\"t\":\"\\u0079\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theWordAtATimeScanFindsWhatTheByteAtATimeScanFinds() {
        Random random = new Random(23);
        byte[] alphabet = "zZkKsSiI\\u0aA\n\"{}:,xy".getBytes(StandardCharsets.ISO_8859_1);
        byte[] high = {(byte) 0xE2, (byte) 0x84, (byte) 0xAA, (byte) 0xC4, (byte) 0xB0, (byte) 0xB1, (byte) 0xC5, (byte) 0xBF,
                (byte) 0xA6, (byte) 0xCE, (byte) 0xA9, (byte) 0xCF, (byte) 0x89, (byte) 0xFF};
        // ω has four lead bytes (Ω, ω, the ohm sign, a backslash): the scan for many; the others, the scan for few
        List<Term> terms = List.of(new Term("zebra"), new Term("kelvin"), new Term("is"), new Term("S"), new Term("\u212A"),
                new Term("\\u"), new Term("a"), new Term("ξ"), new Term("0"), new Term("ωk"));
        for (int n = 0; n < 30_000; n++) {
            byte[] b = new byte[random.nextInt(70)];
            for (int i = 0; i < b.length; i++) {
                b[i] = random.nextInt(5) == 0 ? high[random.nextInt(high.length)] : random.nextInt(9) == 0 ? (byte) random.nextInt(256)
                        : alphabet[random.nextInt(alphabet.length)];
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + (b.length == from ? 0 : random.nextInt(b.length - from + 1));
            for (Term t : terms) {
                assertEquals(t.findSimple(b, from, to), t.find(b, from, to), () -> t.text + " in " + java.util.Arrays.toString(b));
            }
        }
    }

    @Test
    void neverMissesARandomTermInARandomText() throws Exception {
        Random random = new Random(11);
        int[] alphabet = ALPHABET.codePoints().toArray();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = 1 + random.nextInt(30); i > 0; i--) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            int[] cps = text.codePoints().toArray();
            int from = random.nextInt(cps.length);
            int to = from + 1 + random.nextInt(cps.length - from);
            StringBuilder term = new StringBuilder();
            for (int i = from; i < to; i++) {
                int[] forms = Fold.preimages(Fold.fold(cps[i]));
                term.appendCodePoint(forms[random.nextInt(forms.length)]);
            }
            for (ObjectMapper mapper : new ObjectMapper[] {RAW, ESCAPING}) {
                byte[] line = line(mapper, text.toString());
                if (!occurs(term.toString(), line)) {
                    throw new AssertionError("missed '" + term + "' in " + new String(line, StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** The answer of {@link Term#findSimple} computed the plain way: decode at every place, fold every code point. */
    private static int foldingEverything(Term t, byte[] b, int from, int to) {
        outer:
        for (int i = from; i < to; i++) {
            int at = i;
            for (int k = 0; k < t.folded.length; k++) {
                if (at >= to) {
                    continue outer;
                }
                long decoded = Term.decode(b, at, to);
                if (decoded < 0 || Fold.fold((int) (decoded >>> 8)) != t.folded[k]) {
                    continue outer;
                }
                at += (int) (decoded & 0xFF);
            }
            return i;
        }
        return -1;
    }

    @Test
    void aPlaceWhereATermMayStartIsWhereItsFoldedFormStarts() {
        Random random = new Random(29);
        byte[] alphabet = "kKsSiIaA\\u\"n0123456789abcdef2".getBytes(StandardCharsets.ISO_8859_1);
        byte[][] chars = {"\u212a".getBytes(StandardCharsets.UTF_8), "\u2192".getBytes(StandardCharsets.UTF_8),
                "\u2014".getBytes(StandardCharsets.UTF_8), "\u0130".getBytes(StandardCharsets.UTF_8),
                "\u017f".getBytes(StandardCharsets.UTF_8), "\u03c3".getBytes(StandardCharsets.UTF_8),
                "\u03c2".getBytes(StandardCharsets.UTF_8), "\ud801\udc00".getBytes(StandardCharsets.UTF_8)};
        List<Term> terms = List.of(new Term("kelvin"), new Term("k"), new Term("\u212Aa"), new Term("s"), new Term("\u03a3"),
                new Term("i"), new Term("\ud801\udc28"), new Term("\u2192"));
        for (int n = 0; n < 30_000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = random.nextInt(40); i > 0; i--) {
                if (random.nextInt(4) == 0) {
                    out.writeBytes(chars[random.nextInt(chars.length)]);
                } else {
                    out.write(alphabet[random.nextInt(alphabet.length)]);
                }
            }
            byte[] b = out.toByteArray();
            for (Term t : terms) {
                assertEquals(foldingEverything(t, b, 0, b.length), t.findSimple(b, 0, b.length),
                        () -> t.text + " in " + new String(b, StandardCharsets.UTF_8));
            }
        }
    }
}

