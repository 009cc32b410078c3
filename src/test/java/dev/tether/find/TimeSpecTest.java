package dev.tether.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** --since and --until read days in the user's zone, times ago from the clock, and ISO times. */
class TimeSpecTest {
    private static final Clock BERLIN = Clock.fixed(Instant.parse("2026-05-10T12:00:00Z"), ZoneId.of("Europe/Berlin"));

    @Test
    void aDayStartsAtLocalMidnight() {
        assertEquals(Instant.parse("2026-04-30T22:00:00Z"), TimeSpec.since("2026-05-01", BERLIN));
    }

    @Test
    void untilADayIncludesThatDay() {
        assertEquals(Instant.parse("2026-05-01T22:00:00Z"), TimeSpec.until("2026-05-01", BERLIN));
    }

    @Test
    void timesAgoCountFromNow() {
        assertEquals(Instant.parse("2026-05-03T12:00:00Z"), TimeSpec.since("7d", BERLIN));
        assertEquals(Instant.parse("2026-05-10T00:00:00Z"), TimeSpec.since("12h", BERLIN));
        assertEquals(Instant.parse("2026-05-10T11:30:00Z"), TimeSpec.since("30m", BERLIN));
        assertEquals(Instant.parse("2026-04-26T12:00:00Z"), TimeSpec.since("2w", BERLIN));
        assertEquals(Instant.parse("2026-05-03T12:00:00Z"), TimeSpec.until("7d", BERLIN));
    }

    @Test
    void isoTimesAreTakenAsWritten() {
        assertEquals(Instant.parse("2026-05-01T08:00:00Z"), TimeSpec.since("2026-05-01T10:00:00+02:00", BERLIN));
        assertEquals(Instant.parse("2026-05-01T10:00:00Z"), TimeSpec.since(" 2026-05-01T10:00:00Z ", BERLIN));
    }

    @Test
    void anythingElseIsRefusedWithTheFormsThatWork() {
        for (String bad : new String[] {"", "yesterday", "7", "d7", "-7d", "2026-13-01", "7 d", "1y"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpec.since(bad, BERLIN), bad);
            assertTrue(e.getMessage().contains("YYYY-MM-DD"));
        }
    }

    @Test
    void aWindowContainsItsStartButNotItsEnd() {
        TimeWindow w = new TimeWindow(Instant.parse("2026-05-01T00:00:00Z"), Instant.parse("2026-05-02T00:00:00Z"));
        assertTrue(w.contains(Instant.parse("2026-05-01T00:00:00Z")));
        assertFalse(w.contains(Instant.parse("2026-05-02T00:00:00Z")));
        assertTrue(w.overlaps(Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")));
        assertFalse(w.overlaps(Instant.parse("2026-05-02T00:00:00Z"), Instant.parse("2026-05-03T00:00:00Z")));
        assertTrue(TimeWindow.ALWAYS.overlaps(Instant.EPOCH, Instant.EPOCH));
    }
}
