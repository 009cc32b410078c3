package dev.tether.cli;

import java.util.Arrays;

/**
 * Output built straight into UTF-8 bytes, what {@code toString().getBytes(UTF_8)} of a {@link StringBuilder}
 * gives (an unpaired surrogate as {@code ?}, as the JDK writes it) without the builder, the string and their
 * growing: one per thread, cleared and reused, so a line of output costs one array of its exact size.
 */
final class Utf8Builder {
    private byte[] bytes = new byte[512];
    private char[] chars = new char[256];
    private int length;

    Utf8Builder clear() {
        length = 0;
        return this;
    }

    Utf8Builder append(String s) {
        int n = s.length();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        s.getChars(0, n, chars, 0); // one copy, then a loop over an array: cheaper than a call per character
        if (bytes.length < length + 3 * n) {
            bytes = Arrays.copyOf(bytes, Math.max(length + 3 * n, bytes.length * 2));
        }
        char[] c = chars;
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < n; i++) {
            char ch = c[i];
            if (ch < 0x80) {
                b[at++] = (byte) ch;
            } else if (ch < 0x800) {
                b[at++] = (byte) (0xC0 | ch >> 6);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (!Character.isSurrogate(ch)) {
                b[at++] = (byte) (0xE0 | ch >> 12);
                b[at++] = (byte) (0x80 | ch >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | ch & 0x3F);
            } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(c[i + 1])) {
                int cp = Character.toCodePoint(ch, c[++i]);
                b[at++] = (byte) (0xF0 | cp >> 18);
                b[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[at++] = '?';
            }
        }
        length = at;
        return this;
    }

    /** The bytes so far, in an array of their own. */
    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }
}
