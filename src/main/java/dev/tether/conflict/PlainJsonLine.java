package dev.tether.conflict;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path of {@link LineStamp}: one pass over a line that is plain ASCII JSON, the shape of
 * almost every line Claude Code writes, answering what Jackson would (valid, and the top-level
 * {@code timestamp}) at a tenth of the cost. It answers only when it is sure and otherwise returns
 * null, and {@link LineStamp} asks Jackson: for any byte outside printable ASCII and JSON whitespace,
 * any syntax error (so Jackson alone decides what is invalid), a top-level key with an escape, and a
 * {@code timestamp} string with an escape. A test holds it to Jackson's answers.
 */
final class PlainJsonLine {
    private static final byte[] TIMESTAMP = "timestamp".getBytes(StandardCharsets.US_ASCII);

    private final byte[] b;
    private int i;
    /** Per open container, true for an object. */
    private boolean[] stack = new boolean[16];
    private int depth;

    private PlainJsonLine(byte[] line) {
        this.b = line;
    }

    /** What Jackson would say of {@code line}, or null when this scan is not sure. */
    static LineStamp scan(byte[] line) {
        try {
            return new PlainJsonLine(line).root();
        } catch (Unsure e) {
            return null;
        }
    }

    /** Thrown to give the line to Jackson; no stack trace, it is a branch, not an error. */
    private static final class Unsure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super(null, null, false, false);
        }
    }

    private static Unsure unsure() {
        return Unsure.INSTANCE;
    }

    private LineStamp root() {
        skipWhitespace();
        if (i >= b.length) {
            throw unsure(); // no value at all: Jackson's INVALID, decided there
        }
        java.time.Instant stamp = null;
        if (b[i] == '{') {
            i++;
            skipWhitespace();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    skipWhitespace();
                    int nameStart = i + 1;
                    boolean escaped = string();
                    int nameEnd = i - 1;
                    skipWhitespace();
                    expect(':');
                    skipWhitespace();
                    boolean isTimestamp = isTimestamp(nameStart, nameEnd);
                    if (escaped && stamp == null) {
                        throw unsure(); // "time\u0073tamp" is a timestamp too; Jackson unescapes
                    }
                    if (isTimestamp && stamp == null) {
                        stamp = timestampValue();
                    } else {
                        value();
                    }
                    skipWhitespace();
                    byte c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw unsure();
                    }
                }
            }
        } else {
            value();
        }
        skipWhitespace();
        if (i != b.length) {
            throw unsure(); // a second value or trailing garbage
        }
        return new LineStamp(true, stamp);
    }

    private boolean isTimestamp(int from, int to) {
        return to - from == TIMESTAMP.length && Arrays.equals(b, from, to, TIMESTAMP, 0, TIMESTAMP.length);
    }

    /** The value of a top-level "timestamp": epoch milliseconds, or an ISO or digit string, as {@link LineStamp} reads them. */
    private java.time.Instant timestampValue() {
        byte c = peek();
        if (c == '"') {
            int start = i + 1;
            if (string()) {
                throw unsure();
            }
            return LineStamp.instantOf(new String(b, start, i - 1 - start, StandardCharsets.US_ASCII));
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = i;
            boolean integer = number();
            if (!integer) {
                return null; // a float: Jackson's VALUE_NUMBER_FLOAT is no timestamp
            }
            String digits = new String(b, start, i - start, StandardCharsets.US_ASCII);
            try {
                return java.time.Instant.ofEpochMilli(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                return null; // beyond a long: Jackson's BIG_INTEGER, no timestamp
            }
        }
        value();
        return null;
    }

    /** Any JSON value, iteratively (nesting depth is unlimited, as in {@link LineStamp}'s Jackson). */
    private void value() {
        int base = depth;
        while (true) {
            skipWhitespace();
            byte c = peek();
            if (c == '{' || c == '[') {
                i++;
                push(c == '{');
                skipWhitespace();
                byte close = c == '{' ? (byte) '}' : (byte) ']';
                if (peek() == close) {
                    i++;
                    depth--;
                } else {
                    if (c == '{') {
                        member();
                    }
                    continue; // the first element (an array's, or a member's value)
                }
            } else if (c == '"') {
                string();
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                number();
            } else if (c == 't') {
                literal("true");
            } else if (c == 'f') {
                literal("false");
            } else if (c == 'n') {
                literal("null");
            } else {
                throw unsure();
            }
            // after a value: close containers, or go on to the next element
            while (true) {
                if (depth == base) {
                    return;
                }
                skipWhitespace();
                byte d = next();
                boolean inObject = stack[depth - 1];
                if (d == ',') {
                    if (inObject) {
                        skipWhitespace();
                        member();
                    }
                    break;
                }
                if (d == (inObject ? '}' : ']')) {
                    depth--;
                    continue;
                }
                throw unsure();
            }
        }
    }

    /** A member's name and colon; its value follows. */
    private void member() {
        string();
        skipWhitespace();
        expect(':');
    }

    private void push(boolean object) {
        if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = object;
    }

    /** A string starting at {@code i}; returns whether it held an escape. Printable ASCII only. */
    private boolean string() {
        expect('"');
        boolean escaped = false;
        while (true) {
            byte c = next();
            if (c == '"') {
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                byte e = next();
                if (e == 'u') {
                    for (int k = 0; k < 4; k++) {
                        if (Character.digit(next(), 16) < 0) {
                            throw unsure();
                        }
                    }
                } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                    throw unsure();
                }
            } else if (c < 0x20 || c > 0x7e) {
                throw unsure(); // control characters and non-ASCII: Jackson decides
            }
        }
    }

    /** RFC 8259's number; returns true for an integer (no fraction, no exponent). */
    private boolean number() {
        if (peek() == '-') {
            i++;
        }
        byte c = next();
        if (c == '0') {
            if (i < b.length && isDigit(b[i])) {
                throw unsure(); // a leading zero
            }
        } else if (c >= '1' && c <= '9') {
            while (i < b.length && isDigit(b[i])) {
                i++;
            }
        } else {
            throw unsure();
        }
        boolean integer = true;
        if (i < b.length && b[i] == '.') {
            integer = false;
            i++;
            digits();
        }
        if (i < b.length && (b[i] == 'e' || b[i] == 'E')) {
            integer = false;
            i++;
            if (i < b.length && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            digits();
        }
        if (i < b.length && !isDelimiter(b[i])) {
            throw unsure(); // "12ab": Jackson reports it
        }
        return integer;
    }

    private void digits() {
        if (i >= b.length || !isDigit(b[i])) {
            throw unsure();
        }
        while (i < b.length && isDigit(b[i])) {
            i++;
        }
    }

    private void literal(String word) {
        for (int k = 0; k < word.length(); k++) {
            if (next() != word.charAt(k)) {
                throw unsure();
            }
        }
        if (i < b.length && !isDelimiter(b[i])) {
            throw unsure(); // "truex"
        }
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** What may follow a number or literal directly. */
    private static boolean isDelimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private void skipWhitespace() {
        while (i < b.length && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            throw unsure();
        }
    }

    private byte peek() {
        if (i >= b.length) {
            throw unsure();
        }
        return b[i];
    }

    private byte next() {
        if (i >= b.length) {
            throw unsure();
        }
        return b[i++];
    }
}
