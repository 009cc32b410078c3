package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Folding makes case not matter in any script, one code point at a time; its limits are the documented ones. */
class FoldTest {
    private static boolean same(String a, String b) {
        return Arrays.equals(Fold.codePoints(a), Fold.codePoints(b));
    }

    @Test
    void turkishIsFoldToOneI() {
        assertTrue(same("İSTANBUL", "istanbul"));
        assertTrue(same("ıstanbul", "ISTANBUL"));
        assertTrue(same("İstanbul", "ıstanbul"));
    }

    @Test
    void greekSigmaInEveryForm() {
        assertTrue(same("ΟΔΟΣ", "οδος"));
        assertTrue(same("ΟΔΟΣ", "οδοσ"));
        assertTrue(same("ΣΊΣΥΦΟΣ", "σίσυφος"));
    }

    @Test
    void otherScriptsAndSpecialLetters() {
        assertTrue(same("МОСКВА", "москва"));
        assertTrue(same("Ǆemal", "ǅemal"));
        assertTrue(same("ǆemal", "ǅEMAL"));
        assertTrue(same("\u212Aelvin", "kelvin"));
        assertTrue(same("ſtate", "STATE"));
        assertTrue(same("ẞ", "ß"));
        assertTrue(same("Ꭰ", "ꭰ"), "Cherokee");
        assertTrue(same("\ud801\udc00", "\ud801\udc28"), "Deseret, outside the BMP");
    }

    @Test
    void theLimitsAreTheDocumentedOnes() {
        assertNotEquals(Fold.codePoints("straße").length, Fold.codePoints("strasse").length, "ß is not ss");
        assertTrue(!same("café", "cafe\u0301"), "no normalization");
        assertTrue(!same("café", "cafe"), "accents count");
    }

    @Test
    void neverChangesTheLength() {
        assertArrayEquals(new int[] {'i', 'i', 'i', 'i'}, Fold.codePoints("Iİıi"));
        assertEquals(3, Fold.codePoints("ﬁx").length + 1);
    }

    @Test
    void everyCodePointFoldsAsItsTwoCaseMappingsSay() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            int expected = Character.toLowerCase(Character.toUpperCase(c));
            if (Fold.fold(c) != expected) {
                throw new AssertionError("U+" + Integer.toHexString(c) + " folds to U+" + Integer.toHexString(Fold.fold(c)));
            }
        }
    }

    @Test
    void nothingAboveTheCasedRangeFolds() {
        for (int c = Fold.CASED_BELOW; c <= Character.MAX_CODE_POINT; c++) {
            if (Fold.fold(c) != c) {
                throw new AssertionError("U+" + Integer.toHexString(c) + " folds; raise Fold.CASED_BELOW");
            }
        }
    }

    @Test
    void preimagesAreEveryCodePointThatFoldsToTheTarget() {
        int[] k = Fold.preimages('k');
        Arrays.sort(k);
        assertArrayEquals(new int[] {'K', 'k', 0x212A}, k);
        int[] i = Fold.preimages('i');
        Arrays.sort(i);
        assertArrayEquals(new int[] {'I', 'i', 0x130, 0x131}, i);
        assertArrayEquals(new int[] {0x1F600}, Fold.preimages(0x1F600));
    }
}
