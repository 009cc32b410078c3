package dev.tether.find.search;

import java.util.Objects;

/**
 * One searchable text of a message, and where it is: {@code user}, {@code assistant}, or {@code tool <name>}
 * for a tool's input. The scanner gives the text as its JSON string's bytes in the line, decoded only when
 * asked ({@link #text()}): most texts of a candidate line do not hold the term, and {@link #mayHold} says so
 * from the bytes, so they are never decoded. Such a field lives as long as the line's buffer holds the line:
 * while the line is looked at, never after.
 */
final class Field {
    private final String where;
    private String text;
    private final byte[] buf;
    private final int from;
    private final int to;
    private final boolean escaped;

    Field(String where, String text) {
        this(where, Objects.requireNonNull(text), null, 0, 0, false);
    }

    private Field(String where, String text, byte[] buf, int from, int to, boolean escaped) {
        this.where = where;
        this.text = text;
        this.buf = buf;
        this.from = from;
        this.to = to;
        this.escaped = escaped;
    }

    /** The JSON string {@code buf[from, to)} (between its quotes, checked as JSON and UTF-8 by the caller), not decoded yet. */
    static Field inLine(String where, byte[] buf, int from, int to, boolean escaped) {
        return new Field(where, null, buf, from, to, escaped);
    }

    /** The same text, said somewhere else. */
    Field at(String where) {
        return new Field(where, text, buf, from, to, escaped);
    }

    String where() {
        return where;
    }

    String text() {
        if (text == null) {
            text = MessageScanner.decode(buf, from, to, escaped);
        }
        return text;
    }

    /** False only when the term is surely not in the text ({@link Term}'s pre-filter on the bytes, before decoding). */
    boolean mayHold(Term term) {
        return text != null || term.occursIn(buf, from, to);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && where.equals(f.where) && text().equals(f.text());
    }

    @Override
    public int hashCode() {
        return where.hashCode() * 31 + text().hashCode();
    }

    @Override
    public String toString() {
        return "Field[where=" + where + ", text=" + text() + "]";
    }
}
