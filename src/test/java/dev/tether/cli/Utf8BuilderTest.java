package dev.tether.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The builder's bytes are the JDK's UTF-8 of each text appended, surrogates and all, across reuses. */
class Utf8BuilderTest {
    @Test
    void givesWhatGetBytesGives() {
        String[] pieces = {"a", "é", "\u212a", "日本", "\ud83d\ude80", "\ud800", "\udc00", "\u007f", "\u0080", "\u07ff", "\u0800",
                "\uffff", " ", "\n", "", "x".repeat(300)};
        Random random = new Random(7);
        Utf8Builder builder = new Utf8Builder();
        for (int round = 0; round < 5_000; round++) {
            builder.clear();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int k = random.nextInt(12); k > 0; k--) {
                StringBuilder piece = new StringBuilder();
                for (int j = random.nextInt(6); j > 0; j--) {
                    piece.append(pieces[random.nextInt(pieces.length)]);
                }
                builder.append(piece.toString());
                expected.writeBytes(piece.toString().getBytes(StandardCharsets.UTF_8));
            }
            assertArrayEquals(expected.toByteArray(), builder.toBytes());
        }
    }
}
