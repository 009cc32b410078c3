package dev.tether.find.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Case folding for search, one code point at a time: {@code toLowerCase(toUpperCase(c))} with
 * {@link Character}'s simple (one-to-one) mappings. So I, i, İ and ı all fold to i (Turkish); σ, ς and Σ
 * to σ (Greek final sigma); ǅ, Ǆ and ǆ to ǆ; the Kelvin sign to k; ſ to s; Cyrillic, Armenian, Georgian,
 * Cherokee and the rest by their simple mappings. One code point in, one out: folding never changes a
 * text's length, so a match found in folded text is at the same place in the original, and no context
 * (String's final-sigma rule) changes a letter. The limits: no one-to-many folding (ß matches ß and ẞ
 * but not "ss"; ﬁ does not match "fi"), no normalization (é written as e + ◌́ does not match é), and
 * accents count (e does not match é).
 */
public final class Fold {
    /**
     * Above this code point no character changes under folding (the highest that does is Adlam, U+1E943;
     * a test checks every code point against the JDK in use), so only code points below it, and the
     * target itself, can fold to a given target.
     */
    static final int CASED_BELOW = 0x1F000;

    private static final int[] ASCII = new int[128];
    /**
     * The folding of the Basic Multilingual Plane, a block of 256 code points made on first use: two case
     * mappings per character (each a look-up in the JDK's tables) were a tenth of making a snippet of text
     * beyond ASCII. Published with release and read with acquire, so a thread sees a block whole or not at all.
     */
    private static final int[][] BLOCKS = new int[0x100][];
    private static final VarHandle BLOCK = MethodHandles.arrayElementVarHandle(int[][].class);
    private static final Map<Integer, int[]> PREIMAGES = new ConcurrentHashMap<>();

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = c >= 'A' && c <= 'Z' ? c + 32 : c;
        }
    }

    private Fold() {
    }

    public static int fold(int c) {
        if (c < 128) {
            return ASCII[c];
        }
        if (c > 0xFFFF) {
            return mapped(c);
        }
        int[] block = (int[]) BLOCK.getAcquire(BLOCKS, c >>> 8);
        return (block != null ? block : block(c >>> 8))[c & 0xFF];
    }

    private static int mapped(int c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static int[] block(int high) {
        int[] block = new int[256];
        for (int low = 0; low < 256; low++) {
            block[low] = mapped(high << 8 | low);
        }
        BLOCK.setRelease(BLOCKS, high, block);
        return block;
    }

    /** The folded code points of a text. */
    public static int[] codePoints(String s) {
        int[] out = s.codePoints().toArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(out[i]);
        }
        return out;
    }

    /** Every code point that folds to {@code target} (itself included). */
    static int[] preimages(int target) {
        return PREIMAGES.computeIfAbsent(target, t -> {
            java.util.List<Integer> found = new java.util.ArrayList<>();
            for (int c = 0; c < CASED_BELOW; c++) {
                if ((c < 0xD800 || c > 0xDFFF) && fold(c) == t) {
                    found.add(c);
                }
            }
            if (t >= CASED_BELOW || (t >= 0xD800 && t <= 0xDFFF)) {
                found.add(t);
            }
            return found.stream().mapToInt(Integer::intValue).toArray();
        });
    }
}
