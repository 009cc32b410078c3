package dev.tether.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QtIniTest {

    @Test
    void anUnquotedValueKeepsInnerSpacesAndLosesOuterOnes() {
        assertEquals("/home/me/My Cloud/", QtIni.unescape("  /home/me/My Cloud/  "));
    }

    @Test
    void quotesKeepOuterSpacesAndCommas() {
        assertEquals(" a, b ", QtIni.unescape("\" a, b \""));
    }

    @Test
    void escapesAreDecoded() {
        assertEquals("C:\\Users\\\"me\"", QtIni.unescape("C:\\\\Users\\\\\\\"me\\\""));
        assertEquals("tab\there", QtIni.unescape("tab\\there"));
    }

    @Test
    void hexEscapesAreLettersOutsideAscii() {
        assertEquals("Bücher", QtIni.unescape("B\\xfc\\x63her"));
        assertEquals("日本", QtIni.unescape("\\x65e5\\x672c"));
    }

    @Test
    void aSectionIsReadUntilTheNextOneWithoutComments() {
        Map<String, String> accounts = QtIni.section(List.of("[General]", "a=1", "[Accounts]", "; comment",
                "0\\url=https://x", "  b = two words ", "[Other]", "c=3"), "Accounts");

        assertEquals(Map.of("0\\url", "https://x", "b", "two words"), accounts);
    }
}
