package dev.tether.find.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** Long tool output keeps whole lines up to the limits and says how much was cut. */
class CutTest {
    @Test
    void shortTextIsKeptWhole() {
        Cut c = Cut.of("a\nb\n", 20, 2000);
        assertEquals("a\nb", c.kept());
        assertFalse(c.cut());
    }

    @Test
    void keepsTheFirstLinesAndCountsTheRest() {
        Cut c = Cut.of("1\n2\n3\n4\n5\n", 2, 2000);
        assertEquals("1\n2", c.kept());
        assertEquals(3, c.linesCut());
        assertEquals(5, c.charsCut());
        assertEquals("\u2026 3 more lines (5 characters) cut", c.note());
    }

    @Test
    void stopsAtTheCharacterLimitOnALineEnd() {
        Cut c = Cut.of("aaaa\nbbbb\ncccc", 20, 7);
        assertEquals("aaaa", c.kept());
        assertEquals(2, c.linesCut());
    }

    @Test
    void aFirstLineTooLongIsCutInside() {
        Cut c = Cut.of("x".repeat(2500), 20, 2000);
        assertEquals(2000, c.kept().length());
        assertEquals(0, c.linesCut());
        assertEquals("\u2026 500 more characters cut", c.note());
    }

    @Test
    void neverSplitsASurrogatePair() {
        Cut c = Cut.of("x".repeat(1999) + "\ud83d\ude80" + "y", 20, 2000);
        assertEquals(1999, c.kept().length());
    }
}
