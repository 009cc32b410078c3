package dev.tether.find.search;

import java.util.List;

/**
 * The exact test, on a parsed message: every term occurs, folded, in one of its searchable texts (a
 * term never spans two texts; different terms may be in different texts of the same message). The
 * snippet comes from the text holding the most terms.
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
        int[][] originals = new int[fields.size()][];
        int[][] foldeds = new int[fields.size()][];
        for (int f = 0; f < fields.size(); f++) {
            originals[f] = fields.get(f).text().codePoints().toArray();
            foldeds[f] = originals[f].clone();
            for (int i = 0; i < foldeds[f].length; i++) {
                foldeds[f][i] = Fold.fold(foldeds[f][i]);
            }
            int count = 0;
            for (int t = 0; t < terms.size(); t++) {
                if (Snippet.indexOf(foldeds[f], terms.get(t).folded, 0) >= 0) {
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
        int at = Integer.MAX_VALUE;
        int end = 0;
        for (Term term : terms) {
            int i = Snippet.indexOf(foldeds[bestField], term.folded, 0);
            if (i >= 0 && i < at) {
                at = i;
                end = i + term.folded.length;
            }
        }
        return new Found(fields.get(bestField), Snippet.around(originals[bestField], foldeds[bestField], at, end, terms));
    }
}
