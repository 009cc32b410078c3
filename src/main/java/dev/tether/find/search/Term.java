package dev.tether.find.search;

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
    final String text;
    final int[] folded;
    private final boolean[] lead = new boolean[256];

    Term(String text) {
        this.text = text;
        this.folded = Fold.codePoints(text);
        if (folded.length == 0) {
            throw new IllegalArgumentException("an empty search term");
        }
        for (int c : Fold.preimages(folded[0])) {
            lead[firstUtf8Byte(c)] = true;
        }
        lead['\\'] = true;
    }

    /** The first position in {@code [from, to)} where the term may start, or -1. */
    int find(byte[] b, int from, int to) {
        boolean[] lead = this.lead;
        for (int i = from; i < to; i++) {
            if (lead[b[i] & 0xFF] && matchesAt(b, i, to)) {
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
            if (decoded < 0 || Fold.fold((int) (decoded >>> 8)) != folded[k]) {
                return false;
            }
            at += (int) (decoded & 0xFF);
        }
        return true;
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
