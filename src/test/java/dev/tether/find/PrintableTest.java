package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** Text from transcripts never reaches a terminal as control characters. */
class PrintableTest {
    @Test
    void dropsColourCodesAndShowsOtherControls() {
        assertEquals("red plain", Printable.of("\u001b[31mred\u001b[0m plain"));
        assertEquals("bell \u2407 esc \u241b]0;title\u2407", Printable.of("bell \u0007 esc \u001b]0;title\u0007"));
        assertEquals("a\nb\tc", Printable.of("a\r\nb\tc"));
        assertEquals("c1 \ufffd", Printable.of("c1 \u009b"));
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String s = "İstanbul ΟΔΟΣ москва 🚀\nnext";
        assertSame(s, Printable.of(s));
    }
}
