package dev.tether.find.search;

import java.util.List;

/**
 * The exact test, on a parsed message: every term occurs, folded, in one of its searchable texts (a
 * term never spans two texts; different terms may be in different texts of the same message). The
 * snippet comes from the text holding the most terms. A text is decoded only where its bytes may hold
 * the term ({@link Field#mayHold}); then compared in place, a code point at a time; only the text the
 * snippet comes from is turned into code points.
 */
final class MessageMatch {
    record Found(Field field, Snippet snippet) {
    }

    private MessageMatch() {
    }

    /** The match in these texts of a message, or null when some term is in none of them. */
    static Found find(List<Field> fields, List<Term> terms) {
        boolean[] found = new boolean[terms.size()];
        int bestField = -1;
        int bestCount = 0;
        for (int f = 0; f < fields.size() && bestCount < terms.size(); f++) { // no later text can hold more than all
            Field field = fields.get(f);
            int count = 0;
            for (int t = 0; t < terms.size(); t++) {
                Term term = terms.get(t);
                if (field.mayHold(term) && indexOf(field.text(), term) >= 0) {
                    found[t] = true;
                    count++;
                }
            }
            if (count > bestCount) {
                bestCount = count;
                bestField = f;
            }
        }
        for (boolean b : found) {
            if (!b) {
                return null;
            }
        }
        return new Found(fields.get(bestField), snippet(fields.get(bestField).text(), terms));
    }

    /**
     * The snippet of a text around its first match of any term. Only the code points the snippet can show
     * (and as many more as the longest term, to mark a match that runs past its end) are decoded and folded,
     * not the whole text: a long tool input costs no more than a short one. They are walked in a copy of the
     * chars around the match, twice as many as the window has code points (none has more than two chars), so
     * no step needs the string's own checks. Gives what
     * {@link Snippet#around(int[], int[], int, int, List)} gives on the whole text; a test holds it to that.
     */
    static Snippet snippet(String text, List<Term> terms) {
        int at = Integer.MAX_VALUE; // char indexes of the first match of any term
        int end = 0;
        int longest = 0;
        for (Term term : terms) {
            longest = Math.max(longest, term.folded.length);
            int i = indexOf(text, term);
            if (i >= 0 && i < at) {
                at = i;
                end = text.offsetByCodePoints(i, term.folded.length);
            }
        }
        int n = text.length();
        int from = Math.max(0, at - 2 * Snippet.BEFORE);
        int to = (int) Math.min(n, end + 2L * (Snippet.AFTER + longest));
        Scratch scratch = SCRATCH.get();
        char[] c = scratch.chars(to - from);
        text.getChars(from, to, c, 0);
        int size = to - from;
        int start = at - from; // back at most BEFORE code points: where the snippet may start
        for (int k = 0; k < Snippet.BEFORE && start > 0; k++) {
            start -= Character.charCount(Character.codePointBefore(c, start));
        }
        int stop = end - from; // on AFTER code points past the match, and the longest term's length past that
        for (int k = 0; k < Snippet.AFTER + longest && stop < size; k++) {
            stop += Character.charCount(Character.codePointAt(c, stop, size));
        }
        int[] original = scratch.original(stop - start);
        int[] folded = scratch.folded(stop - start);
        int count = 0;
        for (int j = start; j < stop; count++) {
            int cp = Character.codePointAt(c, j, size);
            original[count] = cp;
            folded[count] = Fold.fold(cp);
            j += Character.charCount(cp);
        }
        int localAt = Character.codePointCount(c, start, at - from - start);
        int localEnd = localAt + Character.codePointCount(c, at - from, end - at);
        return Snippet.around(original, folded, count, from + start > 0, from + stop < n, localAt, localEnd, terms);
    }

    /** Arrays a thread reuses from snippet to snippet: small, but made for every hit, they were a tenth of what search allocated. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        private char[] chars = new char[0];
        private int[] original = new int[0];
        private int[] folded = new int[0];

        char[] chars(int n) {
            return chars.length >= n ? chars : (chars = new char[Math.max(n, 512)]);
        }

        int[] original(int n) {
            return original.length >= n ? original : (original = new int[Math.max(n, 256)]);
        }

        int[] folded(int n) {
            return folded.length >= n ? folded : (folded = new int[Math.max(n, 256)]);
        }
    }

    /**
     * {@link #indexOf(String, int[])}, faster: the places where the term may start are found with
     * {@link String#indexOf(int, int)} for each code point that folds to the term's first (a search of the
     * string's own array, not a code point at a time), and only there is the rest compared folded. Where one of
     * those code points is a lone surrogate (then {@code indexOf} could stop inside a pair), every code point is
     * looked at instead. A randomized test holds the two to the same answers.
     */
    static int indexOf(String text, Term term) {
        int[] first = term.firstCodePoints;
        for (int f : first) {
            if (f >= Character.MIN_SURROGATE && f <= Character.MAX_SURROGATE) {
                return indexOfByCodePoints(text, term);
            }
        }
        int[] next = new int[first.length];
        for (int k = 0; k < first.length; k++) {
            next[k] = text.indexOf(first[k]);
        }
        while (true) {
            int at = -1;
            int which = -1;
            for (int k = 0; k < first.length; k++) {
                if (next[k] >= 0 && (at < 0 || next[k] < at)) {
                    at = next[k];
                    which = k;
                }
            }
            if (at < 0) {
                return -1;
            }
            int step = Character.charCount(first[which]);
            if (restMatches(text, at + step, term.folded)) {
                return at;
            }
            next[which] = text.indexOf(first[which], at + step);
        }
    }

    /** Whether the term's code points after its first follow, folded, from char index {@code j}. */
    private static boolean restMatches(String text, int j, int[] folded) {
        int n = text.length();
        int k = 1;
        while (k < folded.length && j < n) {
            int d = text.codePointAt(j);
            if (Fold.fold(d) != folded[k]) {
                return false;
            }
            j += Character.charCount(d);
            k++;
        }
        return k == folded.length;
    }

    /** {@link #indexOf(String, Term)} a code point at a time. */
    private static int indexOfByCodePoints(String text, Term term) {
        int[] first = term.firstCodePoints;
        int[] folded = term.folded;
        int n = text.length();
        for (int i = 0; i < n;) {
            int c = text.codePointAt(i);
            int step = Character.charCount(c);
            boolean may = false;
            for (int f : first) {
                if (f == c) {
                    may = true;
                    break;
                }
            }
            if (may && restMatches(text, i + step, folded)) {
                return i;
            }
            i += step;
        }
        return -1;
    }

    /** Where the folded term starts in {@code text} (a char index), or -1; nothing allocated. */
    static int indexOf(String text, int[] term) {
        int n = text.length();
        for (int i = 0; i < n; i += Character.charCount(text.codePointAt(i))) {
            int j = i;
            int k = 0;
            while (k < term.length && j < n) {
                int c = text.codePointAt(j);
                if (Fold.fold(c) != term[k]) {
                    break;
                }
                j += Character.charCount(c);
                k++;
            }
            if (k == term.length) {
                return i;
            }
        }
        return -1;
    }
}
