package dev.tether.find.search;

import dev.tether.find.Timestamps;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads what search needs of a line ({@link MessageFacts}) straight from its UTF-8 bytes, stepping over what
 * it does not need (tool results, file contents) with a byte loop; the texts it keeps are left in the line's
 * bytes ({@link Field}), decoded only if they may hold a term, and the line's uuid, time and folder are read
 * only when it has something to search. Parsing each candidate line with Jackson was most of a search for a
 * common word: every value of every candidate line went through the parser's token machinery, though search
 * reads a handful of fields.
 *
 * <p>It gives the same facts as the Jackson reading ({@link MessageFacts#readWithJackson}) or none: wherever
 * a line is not plain, strict JSON as Claude Code writes it (a key written with escapes, a byte order mark,
 * invalid or unusual UTF-8, a number Jackson reads another way, deep nesting, any syntax error) it gives up
 * and the caller asks Jackson, whose answer then counts. A test holds the two to the same facts on generated
 * and mutated lines.
 *
 * <p>A string it steps over is checked as JSON at once but as UTF-8 only when the line turns out to have
 * something to search: most candidate lines of a common word are tool results, whose text (a file, a command's
 * output, often beyond ASCII) is then passed over eight bytes at a time, and search skips a line with nothing to
 * search whether it is valid UTF-8 or not ({@link #NOTHING}).
 */
final class MessageScanner {
    /** Thrown where the scanner cannot be sure; carries no stack trace, as it is thrown on purpose. */
    static final class Unsure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Unsure INSTANCE = new Unsure();

        private Unsure() {
            super("not plain JSON", null, false, false);
        }
    }

    /** Below Jackson's limits (nesting 500, a name 50,000 chars, a string 20 million): past these, Jackson decides. */
    private static final int MAX_DEPTH = 200;
    private static final int MAX_NAME = 1_000;
    private static final int MAX_STRING = 1 << 22;
    private static final String TEXT = MessageFacts.TEXT;

    /**
     * A line that is one JSON object as Claude Code writes it, with nothing to search; whether the strings it
     * stepped over are valid UTF-8 was not checked (where one is not, Jackson gives no facts: search skips
     * the line either way).
     */
    static final MessageFacts NOTHING = new MessageFacts("", null, null, null, List.of());

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long SPACES = ' ' * ONES;

    private final byte[] b;
    private final int end;
    private int i;
    /** The bytes {@link #textUntil} passed since this was last cleared, or-ed: whether any was beyond ASCII. */
    private long passed;
    /** Strings stepped over that hold bytes beyond ASCII, not yet checked as UTF-8: start and end, pairs. */
    private int[] unchecked;
    private int uncheckedEnds;

    private MessageScanner(byte[] b, int from, int to) {
        this.b = b;
        this.i = from;
        this.end = to;
    }

    /** The facts of the line, or null when the scanner cannot be sure of them (then ask Jackson). */
    static MessageFacts read(byte[] buf, int offset, int length) {
        try {
            return new MessageScanner(buf, offset, offset + length).line();
        } catch (Unsure e) {
            return null;
        }
    }

    private MessageFacts line() {
        ws();
        expect('{');
        String type = "";
        int uuid = -1; // where the values are: read only when the line has something to search (most have not)
        int timestamp = -1;
        int cwd = -1;
        boolean meta = false;
        List<Field> found = List.of();
        if (!emptyObject()) {
            do {
                int key = key();
                ws();
                expect(':');
                ws();
                if (keyIs(key, TYPE)) {
                    type = peek() == '"' ? known(TYPES, TYPES_BYTES) : skipTo("");
                } else if (keyIs(key, UUID)) {
                    uuid = i;
                    skipValue(0);
                } else if (keyIs(key, CWD)) {
                    cwd = i;
                    skipValue(0);
                } else if (keyIs(key, IS_META)) {
                    meta = peek() == 't';
                    skipValue(0);
                } else if (keyIs(key, TIMESTAMP)) {
                    timestamp = i;
                    skipValue(0);
                } else if (keyIs(key, MESSAGE)) {
                    found = peek() == '{' ? message() : skipTo(List.of());
                } else {
                    skipValue(0);
                }
                ws();
            } while (comma('}'));
        }
        ws();
        if (i != end) {
            throw Unsure.INSTANCE; // more after the object
        }
        List<Field> fields = MessageFacts.searchable(type, meta, found);
        if (fields.isEmpty()) {
            return NOTHING;
        }
        checkUnchecked();
        return new MessageFacts(type, stringAt(uuid), timestamp < 0 ? null : timestamp(timestamp), stringAt(cwd), fields);
    }

    /** The string value at {@code at}; null where there is none, or another value. */
    private String stringAt(int at) {
        if (at < 0 || b[at] != '"') {
            return null;
        }
        i = at;
        return string();
    }

    /** Checks the strings stepped over as UTF-8 ({@link #utf8}), eight bytes at a time where they are ASCII. */
    private void checkUnchecked() {
        for (int k = 0; k < uncheckedEnds; k += 2) {
            int j = unchecked[k];
            int to = unchecked[k + 1];
            while (j < to) {
                while (j + 8 <= to && ((long) LONGS.get(b, j) & HIGHS) == 0) {
                    j += 8;
                }
                if (j < to) {
                    j = b[j] < 0 ? utf8(j) : j + 1;
                }
            }
        }
    }

    /** The value at {@code at}: a string as ISO-8601 or epoch milliseconds; an integer as epoch milliseconds; anything else none. */
    private Instant timestamp(int at) {
        i = at;
        int c = peek();
        if (c == '"') {
            return Timestamps.parse(string());
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            int start = i;
            boolean integer = number();
            if (!integer) {
                return null;
            }
            if (i - start > 18) {
                throw Unsure.INSTANCE; // near or past a long's range: Jackson's reading decides
            }
            return Timestamps.ofMillis(Long.parseLong(new String(b, start, i - start, StandardCharsets.ISO_8859_1)));
        }
        skipValue(0);
        return null;
    }

    /** A message's texts and tool inputs, in order; where {@code content} repeats, the last one counts. */
    private List<Field> message() {
        expect('{');
        List<Field> found = List.of();
        if (emptyObject()) {
            return found;
        }
        do {
            int key = key();
            ws();
            expect(':');
            ws();
            if (keyIs(key, CONTENT)) {
                found = new ArrayList<>();
                int c = peek();
                if (c == '"') {
                    found.add(text(TEXT));
                } else if (c == '[') {
                    i++;
                    ws();
                    if (peek() == ']') {
                        i++;
                    } else {
                        do {
                            ws();
                            int e = peek();
                            if (e == '"') {
                                found.add(text(TEXT));
                            } else if (e == '{') {
                                block(found);
                            } else {
                                skipValue(2);
                            }
                            ws();
                        } while (comma(']'));
                    }
                } else {
                    skipValue(1);
                }
            } else {
                skipValue(1);
            }
            ws();
        } while (comma('}'));
        return found;
    }

    /** One content block: a text block's text, or each string of a tool call's input. */
    private void block(List<Field> found) {
        expect('{');
        String type = null;
        Field text = null;
        String tool = "";
        List<Field> input = null;
        if (!emptyObject()) {
            do {
                int key = key();
                ws();
                expect(':');
                ws();
                if (keyIs(key, TYPE)) {
                    type = peek() == '"' ? known(BLOCK_TYPES, BLOCK_TYPES_BYTES) : skipTo(null);
                } else if (keyIs(key, TEXT_KEY)) {
                    text = peek() == '"' ? text(TEXT) : skipTo(null);
                } else if (keyIs(key, NAME)) {
                    tool = peek() == '"' ? string() : skipTo("");
                } else if (keyIs(key, INPUT)) {
                    input = new ArrayList<>();
                    value(input, 3); // every string of the input, not its keys
                } else {
                    skipValue(3);
                }
                ws();
            } while (comma('}'));
        }
        if ("text".equals(type)) {
            found.add(text == null ? new Field(TEXT, "") : text);
        } else if (("tool_use".equals(type) || "server_tool_use".equals(type)) && input != null) {
            String where = "tool " + tool;
            for (Field s : input) {
                found.add(s.at(where));
            }
        }
    }

    /** Skips the value here, checking it is valid JSON as it goes, and gives {@code value}. */
    private <T> T skipTo(T value) {
        skipValue(1);
        return value;
    }

    private void skipValue(int depth) {
        value(null, depth);
    }

    /**
     * Steps over the value here, checking it is valid JSON as it goes; every string value in it (not the keys)
     * is added to {@code strings} ({@link #text}), in order, unless that is null.
     */
    private void value(List<Field> strings, int depth) {
        int c = peek();
        switch (c) {
            case '"' -> {
                if (strings == null) {
                    skipString();
                } else {
                    strings.add(text(TEXT));
                }
            }
            case '{' -> {
                depth(depth);
                i++;
                if (!emptyObject()) {
                    do {
                        skipKey();
                        ws();
                        expect(':');
                        ws();
                        value(strings, depth + 1);
                        ws();
                    } while (comma('}'));
                }
            }
            case '[' -> {
                depth(depth);
                i++;
                ws();
                if (peek() == ']') {
                    i++;
                    return;
                }
                do {
                    ws();
                    value(strings, depth + 1);
                    ws();
                } while (comma(']'));
            }
            case 't' -> literal(TRUE);
            case 'f' -> literal(FALSE);
            case 'n' -> literal(NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw Unsure.INSTANCE;
                }
            }
        }
    }

    private static void depth(int depth) {
        if (depth >= MAX_DEPTH) {
            throw Unsure.INSTANCE; // deep nesting: Jackson's limits decide
        }
    }

    /** After an object's opening brace: true (and past it) when the closing brace follows. */
    private boolean emptyObject() {
        ws();
        if (peek() == '}') {
            i++;
            return true;
        }
        return false;
    }

    /** After a member or element: true at a comma (then past it), false at {@code close} (then past it). */
    private boolean comma(char close) {
        int c = peek();
        i++;
        if (c == ',') {
            ws();
            return true;
        }
        if (c == close) {
            return false;
        }
        throw Unsure.INSTANCE;
    }

    /**
     * A key: where its bytes start; a key written with escapes is left to Jackson. Checked as {@link #skipString}
     * checks a string (its UTF-8 at the end of the line); {@link #keyIs} compares its bytes.
     */
    private int key() {
        int start = i + 1;
        if (skipString() || i - 1 - start > MAX_NAME) {
            throw Unsure.INSTANCE;
        }
        keyEnd = i - 1;
        return start;
    }

    /** Where the last key read ends (its closing quote). */
    private int keyEnd;

    private boolean keyIs(int start, byte[] name) {
        int n = name.length;
        if (keyEnd - start != n || b[start] != name[0]) { // most keys differ in length or first letter
            return false;
        }
        for (int k = 1; k < n; k++) {
            if (b[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    /** Non-zero when some byte of {@code x} is zero (it may also mark a byte above a zero one: only a hint). */
    private static long zeroByte(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    /** The line types search reads, and the block types: given as these very strings, not decoded again each time. */
    private static final String[] TYPES = {"user", "assistant"};
    private static final String[] BLOCK_TYPES = {"text", "tool_use", "tool_result", "thinking", "server_tool_use"};
    private static final byte[][] TYPES_BYTES = ascii(TYPES);
    private static final byte[][] BLOCK_TYPES_BYTES = ascii(BLOCK_TYPES);
    /**
     * The keys and literals compared, as bytes: compared with a {@link String}'s {@code charAt}, a call per
     * character in the native binary, the keys of candidate lines were a twentieth of a search.
     */
    private static final byte[] TYPE = ascii("type");
    private static final byte[] UUID = ascii("uuid");
    private static final byte[] CWD = ascii("cwd");
    private static final byte[] IS_META = ascii("isMeta");
    private static final byte[] TIMESTAMP = ascii("timestamp");
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] CONTENT = ascii("content");
    private static final byte[] TEXT_KEY = ascii("text");
    private static final byte[] NAME = ascii("name");
    private static final byte[] INPUT = ascii("input");
    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[] NULL = ascii("null");

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] ascii(String[] words) {
        byte[][] out = new byte[words.length][];
        for (int k = 0; k < words.length; k++) {
            out[k] = ascii(words[k]);
        }
        return out;
    }

    /** A string value: one of {@code known} itself when its bytes are that word's ({@code bytes}), else decoded. */
    private String known(String[] known, byte[][] bytes) {
        for (int w = 0; w < known.length; w++) {
            byte[] word = bytes[w];
            int n = word.length;
            if (i + n + 1 < end && b[i + n + 1] == '"') {
                boolean same = true;
                for (int k = 0; k < n && same; k++) {
                    same = b[i + 1 + k] == word[k];
                }
                if (same) {
                    i += n + 2;
                    return known[w];
                }
            }
        }
        return string();
    }

    /** A string value, not decoded: its bytes in the line, checked as {@link #skipString} checks them. */
    private Field text(String where) {
        int start = i + 1;
        boolean escaped = skipString();
        return Field.inLine(where, b, start, i - 1, escaped);
    }

    /** A string value, decoded (checked as {@link #text} checks it). */
    private String string() {
        int start = i + 1;
        boolean escaped = skipString();
        return decode(b, start, i - 1, escaped);
    }

    /**
     * The text of the JSON string {@code b[from, to)}, checked as JSON by {@link #skipString}. Its bytes beyond ASCII
     * are checked as UTF-8 only at the end of the line ({@link #checkUnchecked}), which gives no facts where they are
     * not: decoded before that, a string of bad bytes is some text that is then thrown away, never an error.
     */
    static String decode(byte[] b, int from, int to, boolean escaped) {
        return escaped ? unescaped(b, from, to) : new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** {@link #decode} of a string with escapes, into one array of chars (never more than it has bytes). */
    private static String unescaped(byte[] b, int from, int to) {
        char[] out = new char[to - from];
        int n = 0;
        int j = from;
        while (j < to) {
            int c = b[j];
            if (c == '\\') {
                int e = b[j + 1];
                if (e == 'u') {
                    out[n++] = (char) (hex(b[j + 2]) << 12 | hex(b[j + 3]) << 8 | hex(b[j + 4]) << 4 | hex(b[j + 5]));
                    j += 6;
                    continue;
                }
                out[n++] = switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> (char) e; // '"', '\\' and '/' stand for themselves
                };
                j += 2;
            } else if (c >= 0) {
                out[n++] = (char) c;
                j++;
            } else {
                int start = j; // bytes beyond ASCII up to the next escape: the JDK's decoder, as for a string without escapes
                while (j < to && b[j] != '\\') {
                    j++;
                }
                String run = new String(b, start, j - start, StandardCharsets.UTF_8);
                run.getChars(0, run.length(), out, n);
                n += run.length();
            }
        }
        return new String(out, 0, n);
    }

    /**
     * The first quote, backslash or control character at or after {@code j} (or the end); bytes beyond ASCII
     * pass (noted in {@link #passed}), to be checked as UTF-8 by {@link #checkUnchecked}. Eight bytes at a time where none is a quote, a backslash or a control character,
     * as {@link Term#find} does; a word that may hold one is looked at byte by byte.
     */
    private int textUntil(int j) {
        long passed = this.passed;
        while (true) {
            while (j + 8 <= end) {
                long w = (long) LONGS.get(b, j);
                if ((zeroByte(w ^ QUOTES) | zeroByte(w ^ BACKSLASHES) | (w - SPACES) & ~w & HIGHS) != 0) {
                    break;
                }
                passed |= w;
                j += 8;
            }
            int stop = Math.min(end, j + 8);
            for (; j < stop; j++) {
                int c = b[j];
                if (c == '"' || c == '\\' || (c >= 0 && c < 0x20)) {
                    this.passed = passed;
                    return j;
                }
                passed |= c;
            }
            if (j >= end) {
                this.passed = passed;
                return j;
            }
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw Unsure.INSTANCE;
    }

    /** Steps over a key of an object whose members are not read, checking it as {@link #key} does. */
    private void skipKey() {
        int start = i;
        skipString();
        if (i - start > MAX_NAME) {
            throw Unsure.INSTANCE;
        }
    }

    /**
     * Steps over a string, checking it as JSON (its escapes, no control character, Jackson's length limit); where
     * it holds bytes beyond ASCII, it is noted to be checked as UTF-8 if the line has something to search
     * ({@link #checkUnchecked}). Returns whether it holds an escape.
     */
    private boolean skipString() {
        if (peek() != '"') {
            throw Unsure.INSTANCE;
        }
        int start = i + 1;
        int j = start;
        passed = 0;
        boolean escaped = false;
        while (true) {
            j = textUntil(j);
            if (j >= end) {
                throw Unsure.INSTANCE;
            }
            int c = b[j];
            if (c == '"') {
                if (j - i > MAX_STRING) {
                    throw Unsure.INSTANCE;
                }
                if ((passed & HIGHS) != 0) {
                    uncheck(start, j);
                }
                i = j + 1;
                return escaped;
            }
            if (c != '\\' || j + 1 >= end) {
                throw Unsure.INSTANCE; // a control character, or a backslash at the end
            }
            escaped = true;
            int e = b[j + 1];
            if (e == 'u') {
                if (j + 6 > end) {
                    throw Unsure.INSTANCE;
                }
                for (int k = 2; k < 6; k++) {
                    hex(b[j + k]);
                }
                j += 6;
            } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                j += 2;
            } else {
                throw Unsure.INSTANCE;
            }
        }
    }

    private void uncheck(int from, int to) {
        if (unchecked == null) {
            unchecked = new int[16];
        } else if (uncheckedEnds == unchecked.length) {
            unchecked = Arrays.copyOf(unchecked, unchecked.length * 2);
        }
        unchecked[uncheckedEnds++] = from;
        unchecked[uncheckedEnds++] = to;
    }

    /**
     * Checks the UTF-8 sequence that starts at {@code j} and returns where the next character starts. Only
     * well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF) passes: there Jackson and
     * Java's decoder agree on every character.
     */
    private int utf8(int j) {
        int c = b[j] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            throw Unsure.INSTANCE;
        }
        if (j + n >= end) {
            throw Unsure.INSTANCE;
        }
        int second = b[j + 1] & 0xFF;
        if (second < lo || second > hi) {
            throw Unsure.INSTANCE;
        }
        for (int k = 2; k <= n; k++) {
            if ((b[j + k] & 0xC0) != 0x80) {
                throw Unsure.INSTANCE;
            }
        }
        return j + n + 1;
    }

    /** A JSON number; true when it is an integer (no fraction, no exponent). */
    private boolean number() {
        int j = i;
        if (j < end && b[j] == '-') {
            j++;
        }
        if (j >= end) {
            throw Unsure.INSTANCE;
        }
        if (b[j] == '0') {
            j++;
        } else if (b[j] >= '1' && b[j] <= '9') {
            while (j < end && b[j] >= '0' && b[j] <= '9') {
                j++;
            }
        } else {
            throw Unsure.INSTANCE;
        }
        boolean integer = true;
        if (j < end && b[j] == '.') {
            integer = false;
            j = digits(j + 1);
        }
        if (j < end && (b[j] == 'e' || b[j] == 'E')) {
            integer = false;
            j++;
            if (j < end && (b[j] == '+' || b[j] == '-')) {
                j++;
            }
            j = digits(j);
        }
        if (j < end && !delimiter(b[j])) {
            throw Unsure.INSTANCE; // "01", "1x": Jackson's reading decides
        }
        if (j - i > 100) {
            throw Unsure.INSTANCE; // Jackson limits a number's length
        }
        i = j;
        return integer;
    }

    /** One or more digits from {@code j}; where they end. */
    private int digits(int j) {
        int start = j;
        while (j < end && b[j] >= '0' && b[j] <= '9') {
            j++;
        }
        if (j == start) {
            throw Unsure.INSTANCE;
        }
        return j;
    }

    private void literal(byte[] word) {
        int n = word.length;
        if (i + n > end) {
            throw Unsure.INSTANCE;
        }
        for (int k = 0; k < n; k++) {
            if (b[i + k] != word[k]) {
                throw Unsure.INSTANCE;
            }
        }
        if (i + n < end && !delimiter(b[i + n])) {
            throw Unsure.INSTANCE;
        }
        i += n;
    }

    private static boolean delimiter(byte c) {
        return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private void ws() {
        while (i < end) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                i++;
            } else {
                return;
            }
        }
    }

    private int peek() {
        if (i >= end) {
            throw Unsure.INSTANCE;
        }
        return b[i];
    }

    private void expect(char c) {
        if (peek() != c) {
            throw Unsure.INSTANCE;
        }
        i++;
    }
}
