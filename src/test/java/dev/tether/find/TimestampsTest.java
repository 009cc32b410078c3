package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-made reader of UTC timestamps answers what Instant.parse answers, or leaves the text to it. */
class TimestampsTest {
    @Test
    void readsTheFormsClaudeCodeWrites() {
        for (String t : new String[] {"2026-04-29T12:00:59Z", "2026-04-29T12:00:59.123Z", "2026-04-29T12:00:59.5Z",
                "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z"}) {
            assertNotNull(Timestamps.utc(t), t);
            assertEquals(Instant.parse(t), Timestamps.utc(t), t);
        }
    }

    @Test
    void leavesEverythingElseToTheSlowWay() {
        for (String t : new String[] {"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-04-29T24:00:00Z", "2026-04-29T12:00:60Z",
                "2026-04-29T12:00:59.Z", "2026-04-29T12:00:59.1234567890Z", "2026-04-29 12:00:59Z", "2026-04-29T12:00:59+02:00",
                "+12026-04-29T12:00:59Z", "2026-4-29T12:00:59Z", "2026-04-29T12:00:5xZ", "1718000000000", ""}) {
            assertNull(Timestamps.utc(t), t);
        }
        assertEquals(Instant.parse("2026-04-29T10:00:59Z"), Timestamps.parse("2026-04-29T12:00:59+02:00"));
        assertEquals(Instant.ofEpochMilli(1718000000000L), Timestamps.parse("1718000000000"));
        assertNull(Timestamps.parse("2026-02-30T00:00:00Z"));
    }

    @Test
    void agreesWithInstantParseOnRandomTexts() {
        Random random = new Random(8);
        String alphabet = "0123456789-:TZ.+ ";
        for (int n = 0; n < 40_000; n++) {
            StringBuilder t = new StringBuilder(Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L, random.nextInt(1_000_000_000))
                    .toString());
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(t.length());
                t.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = t.toString();
            Instant fast = Timestamps.utc(text);
            if (fast != null) {
                assertEquals(Timestamps.slow(text), fast, text);
            }
            assertEquals(Timestamps.slow(text), Timestamps.parse(text), text);
        }
    }
}
