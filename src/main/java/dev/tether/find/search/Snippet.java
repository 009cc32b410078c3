package dev.tether.find.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A short piece of a message around a match: parts of text, the matched ones marked, so a terminal can
 * colour them and a script can find them. About {@value #BEFORE} characters before the match and
 * {@value #AFTER} after, cut between words where one ends nearby; line ends and tabs are shown as
 * spaces, other control characters as U+FFFD (so a snippet is safe to print as it is); an ellipsis says the
 * text goes on.
 */
public record Snippet(List<Part> parts) {
    static final int BEFORE = 50;
    static final int AFTER = 70;
    /** How far a cut moves to fall between words. */
    private static final int WORD = 15;

    public record Part(String text, boolean match) {
    }

    public Snippet {
        parts = List.copyOf(parts);
    }

    /** The text without marks. */
    public String plain() {
        StringBuilder s = new StringBuilder();
        parts.forEach(p -> s.append(p.text()));
        return s.toString();
    }

    /**
     * The snippet of {@code text} around the match at code points {@code [at, end)}, marking every match of
     * any term inside it ({@code folded} is the text folded, the same length in code points).
     */
    static Snippet around(int[] original, int[] folded, int at, int end, List<Term> terms) {
        return around(original, folded, original.length, false, false, at, end, terms);
    }

    /**
     * The same, of a window of a text: the first {@code length} of {@code original} are the code points from
     * {@code at - BEFORE} (or the text's start) to at least {@code AFTER} and the longest term's length past
     * {@code end} (or the text's end); {@code before} and {@code after} say whether the text goes on beyond the
     * window.
     */
    static Snippet around(int[] original, int[] folded, int length, boolean before, boolean after, int at, int end,
            List<Term> terms) {
        int from = Math.max(0, at - BEFORE);
        int to = Math.min(length, Math.max(end, at + 1) + AFTER);
        boolean cutBefore = before || from > 0;
        boolean cutAfter = after || to < length;
        for (int i = from; cutBefore && i < Math.min(at, from + WORD); i++) {
            if (Character.isWhitespace(original[i])) {
                from = i + 1; // start at a word, not inside one
                break;
            }
        }
        for (int i = to - 1; cutAfter && i > Math.max(end, to - WORD); i--) {
            if (Character.isWhitespace(original[i])) {
                to = i;
                break;
            }
        }
        boolean[] marked = new boolean[to - from];
        for (Term term : terms) {
            for (int i = indexOf(folded, length, term.folded, from); i >= 0 && i < to;
                    i = indexOf(folded, length, term.folded, i + 1)) {
                for (int k = i; k < Math.min(to, i + term.folded.length); k++) {
                    marked[k - from] = true;
                }
            }
        }
        // the parts are cut from one array of chars: a builder per part, a code point at a time, cost more than the rest
        char[] out = new char[2 * (to - from) + 2];
        int len = 0;
        int run = 0; // where the part being made starts in out
        boolean runMarked = false;
        List<Part> parts = new ArrayList<>(4);
        if (cutBefore) {
            out[len++] = '\u2026';
        }
        for (int i = from; i < to; i++) {
            boolean m = marked[i - from];
            if (m != runMarked && len > run) {
                parts.add(new Part(new String(out, run, len - run), runMarked));
                run = len;
            }
            runMarked = m;
            int c = original[i];
            boolean space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
            if (space) {
                if (m || len == run || out[len - 1] != ' ') { // a run of white space shows as one space
                    out[len++] = ' ';
                }
            } else if (c > 0xFFFF) {
                len += Character.toChars(c, out, len);
            } else {
                out[len++] = Character.isISOControl(c) ? '\ufffd' : (char) c;
            }
        }
        if (cutAfter) {
            if (runMarked && len > run) {
                parts.add(new Part(new String(out, run, len - run), true));
                run = len;
                runMarked = false;
            }
            out[len++] = '\u2026';
        }
        if (len > run) {
            parts.add(new Part(new String(out, run, len - run), runMarked));
        }
        return new Snippet(parts);
    }

    /** The first index at or after {@code from} where {@code needle} occurs in {@code hay}, or -1. */
    static int indexOf(int[] hay, int[] needle, int from) {
        return indexOf(hay, hay.length, needle, from);
    }

    /** The same in the first {@code length} of {@code hay}. */
    static int indexOf(int[] hay, int length, int[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
