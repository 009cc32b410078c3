package dev.tether.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The time of a hit, written by hand, must read as the formatter writes it, for any year. */
class SearchCommandTest {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void aHitsTimeIsWrittenAsTheFormatterWritesIt() {
        Random random = new Random(15);
        int[] years = {-10_000, -1, 0, 1, 9, 10, 99, 100, 999, 1000, 1970, 2026, 9999, 10_000, 123_456};
        for (int year : years) {
            for (int i = 0; i < 200; i++) {
                LocalDateTime t = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                        random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
                assertEquals(WHEN.format(t), SearchCommand.when(t));
            }
        }
        assertEquals("0001-01-01 00:00:00", SearchCommand.when(LocalDateTime.of(1, 1, 1, 0, 0)));
        assertEquals("+10000-12-31 23:59:59", SearchCommand.when(LocalDateTime.of(10_000, 12, 31, 23, 59, 59)));
    }
}
