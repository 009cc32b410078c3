package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line ends found eight bytes at a time are the ones a byte loop finds, forwards and backwards. */
class CandidateLinesTest {
    @Test
    void lineEndsAreFoundAsAByteLoopFindsThemWhereverTheyFall() {
        Random r = new Random(6);
        byte[] alphabet = {'\n', 'a', 0x0b, (byte) (0x0a ^ 0x80), (byte) 0x8a, (byte) 0xff, 0, 1, 0x09, 0x7f};
        for (int round = 0; round < 20_000; round++) {
            byte[] buf = new byte[r.nextInt(40)];
            for (int k = 0; k < buf.length; k++) {
                buf[k] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(26));
            }
            int from = buf.length == 0 ? 0 : r.nextInt(buf.length + 1);
            int to = from + r.nextInt(buf.length - from + 1);
            int first = -1;
            for (int k = from; k < to && first < 0; k++) {
                first = buf[k] == '\n' ? k : -1;
            }
            int last = from - 1;
            for (int k = to - 1; k >= from && last == from - 1; k--) {
                last = buf[k] == '\n' ? k : from - 1;
            }
            assertEquals(first, CandidateLines.indexOf(buf, (byte) '\n', from, to), "first in " + java.util.Arrays.toString(buf));
            assertEquals(last, CandidateLines.lastNewline(buf, from, to), "last in " + java.util.Arrays.toString(buf));
        }
    }
}
