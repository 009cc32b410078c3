package dev.tether.find.render;

import java.util.Locale;

/** A long text cut for showing: what is kept, and how many lines and characters were left out. */
record Cut(String kept, int linesCut, int charsCut) {

    boolean cut() {
        return charsCut > 0;
    }

    /**
     * Keeps whole lines, at most {@code maxLines} of them and {@code maxChars} characters; a first line
     * longer than that is cut inside. A last line end is not counted as a line.
     */
    static Cut of(String text, int maxLines, int maxChars) {
        String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        int end = 0;
        int lines = 0;
        while (lines < maxLines && end < t.length()) {
            int nl = t.indexOf('\n', end);
            int next = nl < 0 ? t.length() : nl + 1;
            if (next > maxChars) {
                if (lines == 0) {
                    end = Character.isHighSurrogate(t.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
                }
                break;
            }
            end = next;
            lines++;
        }
        if (end >= t.length()) {
            return new Cut(t, 0, 0);
        }
        String kept = t.substring(0, end);
        boolean inside = !kept.endsWith("\n");
        int total = (int) t.chars().filter(c -> c == '\n').count() + 1;
        return new Cut(inside ? kept : kept.substring(0, kept.length() - 1), total - lines - (inside ? 1 : 0), t.length() - end);
    }

    /**
     * The note after a cut: "… 73 more lines (4,321 characters) cut", or "… 500 more characters cut" when
     * only the rest of a long line was cut.
     */
    String note() {
        return linesCut > 0
                ? String.format(Locale.ROOT, "\u2026 %,d more line%s (%,d characters) cut", linesCut, linesCut == 1 ? "" : "s", charsCut)
                : String.format(Locale.ROOT, "\u2026 %,d more characters cut", charsCut);
    }
}
