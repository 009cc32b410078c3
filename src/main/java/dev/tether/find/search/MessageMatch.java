package dev.tether.find.search;

import java.util.List;

/**
 * The exact test, on a parsed message: every term occurs, folded, in one of its searchable texts (a
 * term never spans two texts; different terms may be in different texts of the same message). The
 * snippet comes from the text holding the most terms. The texts are compared in place, a code point
 * at a time; only the text the snippet comes from is turned into code points.
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
        for (int f = 0; f < fields.size(); f++) {
            String text = fields.get(f).text();
            int count = 0;
            for (int t = 0; t < terms.size(); t++) {
                if (indexOf(text, terms.get(t).folded) >= 0) {
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
        int[] original = fields.get(bestField).text().codePoints().toArray();
        int[] folded = new int[original.length];
        for (int i = 0; i < original.length; i++) {
            folded[i] = Fold.fold(original[i]);
        }
        int at = Integer.MAX_VALUE;
        int end = 0;
        for (Term term : terms) {
            int i = Snippet.indexOf(folded, term.folded, 0);
            if (i >= 0 && i < at) {
                at = i;
                end = i + term.folded.length;
            }
        }
        return new Found(fields.get(bestField), Snippet.around(original, folded, at, end, terms));
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
