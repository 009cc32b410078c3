package dev.tether.find.search;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One search term, matched on the raw bytes of a JSON line before any parsing: the pre-filter that lets
 * search skip most lines at the cost of a byte scan. It answers "could a JSON string on this line
 * contain the term, in any case?": at each place where a character folding to the term's first
 * character could start (any UTF-8 form of any such character, or a backslash, since JSON may write any
 * character as an escape), it decodes JSON string characters (UTF-8, {@code \n}, {@code \"},
 * {@code \\u00e9}, surrogate pairs) and compares them folded. It may say yes where the parse then
 * finds no match (the term in a key, across a closing quote, in a tool result), never no where there
 * is one: a test holds it to a search that parses every line.
 */
final class Term {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long CASE_BITS = 0x2020202020202020L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    final String text;
    final int[] folded;
    /** Every code point that folds to the term's first ({@link Fold#preimages}). */
    final int[] firstCodePoints;
    private final boolean[] lead = new boolean[256];
    /**
     * For a lead byte that does not make a character by itself (a backslash, a UTF-8 lead), the bytes that may
     * follow it where the term starts; null for the others. Most of the lead bytes met are not where the term
     * starts (0xE2 begins the Kelvin sign and also the arrow of every line of a file Claude Code read, a
     * backslash begins every escaped line end), and the second byte says so without decoding.
     */
    private final boolean[][] second = new boolean[256][];
    /** Lead bytes that are lower-case ASCII letters, each in every byte of a long: matched with the case bit set. */
    private final long[] letterWords;
    /** The other lead bytes, each in every byte of a long. */
    private final long[] otherWords;
    /**
     * At most one letter and three other lead bytes (every term whose first letter has few case forms: k has
     * K and the Kelvin sign, i has I, İ and ı), held one to a field so the scan is one run of arithmetic with no
     * loop over the arrays; the unused ones match only 0xFF, a byte UTF-8 never has.
     */
    private final boolean few;
    private final long letter0;
    private final long other0;
    private final long other1;
    private final long other2;
    private static final long NEVER = 0xFFFFFFFFFFFFFFFFL;

    Term(String text) {
        this.text = text;
        this.folded = Fold.codePoints(text);
        if (folded.length == 0) {
            throw new IllegalArgumentException("an empty search term");
        }
        this.firstCodePoints = Fold.preimages(folded[0]);
        for (int c : firstCodePoints) {
            int first = firstUtf8Byte(c);
            lead[first] = true;
            if (c >= 0x80) {
                follows(first)[secondUtf8Byte(c)] = true;
            }
            char escape = switch (c) { // the escapes JSON writes with a letter
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\t' -> 't';
                default -> 0;
            };
            if (escape != 0) {
                follows('\\')[escape] = true;
            }
        }
        lead['\\'] = true;
        follows('\\')['u'] = true; // any character may be written \\uXXXX
        long[] letters = new long[26];
        long[] others = new long[256];
        int l = 0;
        int o = 0;
        for (int b = 0; b < 256; b++) {
            if (!lead[b]) {
                continue;
            }
            if (b >= 'a' && b <= 'z') {
                letters[l++] = b * ONES;
            } else if (!(b >= 'A' && b <= 'Z' && lead[b | 0x20])) {
                others[o++] = b * ONES; // an upper-case letter whose lower case leads too is found with it
            }
        }
        letterWords = Arrays.copyOf(letters, l);
        otherWords = Arrays.copyOf(others, o);
        few = l <= 1 && o <= 3;
        letter0 = l > 0 ? letters[0] : 0; // no byte with the case bit set is zero: never matches
        other0 = o > 0 ? others[0] : NEVER;
        other1 = o > 1 ? others[1] : NEVER;
        other2 = o > 2 ? others[2] : NEVER;
    }

    /**
     * The first position in {@code [from, to)} where the term may start, or -1. Eight bytes at a time: a
     * word none of whose bytes is a lead byte (the usual case) is passed over with a few arithmetic
     * operations per lead byte, a letter and its upper case in one test (the case bit set on every
     * byte); a word that may hold one is looked at byte by byte. Twice as fast as one look-up per byte
     * in the native binary. Answers what {@link #findSimple} answers: a randomized test holds it to that.
     */
    int find(byte[] b, int from, int to) {
        return few ? findFew(b, from, to) : findMany(b, from, to);
    }

    /** {@link #find} for at most one letter and three other lead bytes: the usual term. */
    private int findFew(byte[] b, int from, int to) {
        long l0 = letter0;
        long o0 = other0;
        long o1 = other1;
        long o2 = other2;
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            long x0 = (w | CASE_BITS) ^ l0;
            long x1 = w ^ o0;
            long x2 = w ^ o1;
            long x3 = w ^ o2;
            // the shorter zero-byte trick: the lowest mark is a lead byte; one above it may be false, and is rejected
            long any = ((x0 - ONES) & ~x0 | (x1 - ONES) & ~x1 | (x2 - ONES) & ~x2 | (x3 - ONES) & ~x3) & HIGHS;
            for (; any != 0; any &= any - 1) {
                int k = i + (Long.numberOfTrailingZeros(any) >>> 3);
                if (startsAt(b, k, to)) {
                    return k;
                }
            }
            i += 8;
        }
        return findSimple(b, i, to);
    }

    private int findMany(byte[] b, int from, int to) {
        long[] letterWords = this.letterWords;
        long[] otherWords = this.otherWords;
        int i = from;
        while (i + 8 <= to) {
            long w = (long) LONGS.get(b, i);
            long cased = w | CASE_BITS;
            long any = 0;
            for (long l : letterWords) {
                any |= zeroBytes(cased ^ l);
            }
            for (long l : otherWords) {
                any |= zeroBytes(w ^ l);
            }
            for (; any != 0; any &= any - 1) { // each lead byte of the word, in order
                int k = i + (Long.numberOfTrailingZeros(any) >>> 3);
                if (startsAt(b, k, to)) {
                    return k;
                }
            }
            i += 8;
        }
        return findSimple(b, i, to);
    }

    /** The zero bytes of {@code x}, each marked by its high bit, exactly (the shorter trick may mark a byte above a zero one). */
    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** Whether the term starts at the lead byte {@code b[k]}: its second byte may follow, and then the characters match. */
    private boolean startsAt(byte[] b, int k, int to) {
        boolean[] next = second[b[k] & 0xFF];
        return (next == null || (k + 1 < to && next[b[k + 1] & 0xFF])) && matchesAt(b, k, to);
    }

    /** The straightforward scan {@link #find} must agree with: every byte looked up. */
    int findSimple(byte[] b, int from, int to) {
        boolean[] lead = this.lead;
        for (int i = from; i < to; i++) {
            if (lead[b[i] & 0xFF] && startsAt(b, i, to)) {
                return i;
            }
        }
        return -1;
    }

    boolean occursIn(byte[] b, int from, int to) {
        return find(b, from, to) >= 0;
    }

    private boolean matchesAt(byte[] b, int i, int to) {
        int at = i;
        for (int k = 0; k < folded.length; k++) {
            if (at >= to) {
                return false;
            }
            long decoded = decode(b, at, to);
            if (decoded < 0 || !(k == 0 ? startsTerm((int) (decoded >>> 8)) : Fold.fold((int) (decoded >>> 8)) == folded[k])) {
                return false;
            }
            at += (int) (decoded & 0xFF);
        }
        return true;
    }

    /**
     * Whether {@code c} folds to the term's first code point, by looking it up among the few that do: a lead
     * byte shared with other letters (0xE2 begins the Kelvin sign and also every arrow and dash) costs no
     * case mapping then.
     */
    private boolean startsTerm(int c) {
        for (int f : firstCodePoints) {
            if (f == c) {
                return true;
            }
        }
        return false;
    }

    /** The code point at {@code i} and its length in bytes, packed as {@code cp << 8 | length}; -1 when none. */
    static long decode(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c == '\\') {
            return escape(b, i, to);
        }
        if (c < 0x80) {
            return (long) c << 8 | 1;
        }
        int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
        if (n < 0 || c > 0xF4 || i + n >= to) {
            return -1;
        }
        int cp = c & (0x3F >> n);
        for (int k = 1; k <= n; k++) {
            int cont = b[i + k] & 0xFF;
            if ((cont & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | (cont & 0x3F);
        }
        return (long) cp << 8 | (n + 1);
    }

    private static long escape(byte[] b, int i, int to) {
        if (i + 1 >= to) {
            return -1;
        }
        int cp = switch (b[i + 1]) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> -2;
            default -> -1;
        };
        if (cp == -1) {
            return -1;
        }
        if (cp != -2) {
            return (long) cp << 8 | 2;
        }
        int unit = hex4(b, i + 2, to);
        if (unit < 0) {
            return -1;
        }
        if (unit >= 0xD800 && unit <= 0xDBFF && i + 12 <= to && b[i + 6] == '\\' && b[i + 7] == 'u') {
            int low = hex4(b, i + 8, to);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                return (long) Character.toCodePoint((char) unit, (char) low) << 8 | 12;
            }
        }
        return (long) unit << 8 | 6;
    }

    private static int hex4(byte[] b, int i, int to) {
        if (i + 4 > to) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int d = Character.digit(b[i + k], 16);
            if (d < 0) {
                return -1;
            }
            v = v << 4 | d;
        }
        return v;
    }

    private boolean[] follows(int leadByte) {
        if (second[leadByte] == null) {
            second[leadByte] = new boolean[256];
        }
        return second[leadByte];
    }

    /** The second byte of a character beyond ASCII in UTF-8. */
    private static int secondUtf8Byte(int c) {
        int shift = c < 0x800 ? 0 : c < 0x10000 ? 6 : 12;
        return 0x80 | (c >> shift) & 0x3F;
    }

    private static int firstUtf8Byte(int c) {
        if (c < 0x80) {
            return c;
        }
        if (c < 0x800) {
            return 0xC0 | c >> 6;
        }
        if (c < 0x10000) {
            return 0xE0 | c >> 12;
        }
        return 0xF0 | c >> 18;
    }
}
