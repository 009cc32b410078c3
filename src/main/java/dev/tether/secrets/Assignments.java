package dev.tether.secrets;

/**
 * Finds {@code password=...}, {@code "api_key": "..."}, {@code GITHUB_TOKEN: ...}, {@code clientSecret := '...'}:
 * a name ending in a secret's word, an assignment, and a literal value. A scan from each {@code :} and
 * {@code =} outwards rather than a regular expression, because transcripts say "token" and "key" on
 * nearly every line and a case-insensitive alternation tried at every position of them was most of a
 * scan's time.
 */
final class Assignments {
    /** Names ending in one of these, in any case, hold a secret. */
    static final String[] NAME_ENDINGS = {"password", "passwd", "passphrase", "pwd", "secret", "token", "apikey",
        "api_key", "api-key", "accesskey", "access_key", "access-key", "secretkey", "secret_key", "secret-key",
        "privatekey", "private_key", "private-key"};
    /** The last letters of {@link #NAME_ENDINGS}. */
    static final String LAST_LETTERS = "detny";
    static final int MIN_VALUE = 12;
    static final int MAX_VALUE = 256;

    private Assignments() {
    }

    /** A name-and-value pair: where the name's secret word starts, and where the value lies. */
    record Assignment(int start, int valueStart, int valueEnd) {
    }

    /** The assignment whose separator is at {@code sep}, or null. */
    static Assignment at(String line, int sep) {
        char c = line.charAt(sep);
        if (c != ':' && c != '=') {
            return null;
        }
        if (sep + 1 < line.length() && line.charAt(sep + 1) == '=') {
            return null; // a comparison, ==
        }
        int j = sep - 1;
        if (c == '=' && j >= 0 && line.charAt(j) == ':') {
            j--; // Go's :=
        } else if (c == '=' && j >= 0 && "!<>=".indexOf(line.charAt(j)) >= 0) {
            return null;
        }
        while (j >= 0 && Character.isWhitespace(line.charAt(j))) {
            j--;
        }
        if (j >= 0 && (line.charAt(j) == '"' || line.charAt(j) == '\'')) {
            j--;
        }
        if (j < 0 || LAST_LETTERS.indexOf(Character.toLowerCase(line.charAt(j))) < 0) {
            return null; // most separators follow some other name: one look rules them out
        }
        int nameStart = -1;
        for (String ending : NAME_ENDINGS) {
            int from = j - ending.length() + 1;
            if (from >= 0 && line.regionMatches(true, from, ending, 0, ending.length())) {
                nameStart = from;
                break;
            }
        }
        if (nameStart < 0) {
            return null;
        }
        int k = sep + 1;
        while (k < line.length() && Character.isWhitespace(line.charAt(k))) {
            k++;
        }
        if (k < line.length() && (line.charAt(k) == '"' || line.charAt(k) == '\'')) {
            k++;
        }
        int end = k;
        while (end < line.length() && isValueChar(line.charAt(end))) {
            end++;
        }
        int length = end - k;
        return length >= MIN_VALUE && length <= MAX_VALUE ? new Assignment(nameStart, k, end) : null;
    }

    /**
     * What a literal secret is made of; {@code $ { < ( %} are not, so {@code ${TOKEN}}, {@code {{ secrets.X }}},
     * {@code <your token>} and {@code getToken()} are references, not values.
     */
    private static boolean isValueChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "+/=_.~!@#^&*-".indexOf(c) >= 0;
    }
}
