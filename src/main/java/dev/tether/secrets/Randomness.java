package dev.tether.secrets;

/**
 * Whether a string looks machine-made rather than typed: keys and tokens are drawn at random from a large
 * alphabet, so their characters are spread out (high Shannon entropy) and mix letter cases and digits;
 * words, placeholders ({@code xxxx}), {@code changeme} and {@code password123} are not.
 */
final class Randomness {
    private Randomness() {
    }

    /** Shannon entropy in bits per character; 0 for the empty string. */
    static double entropy(CharSequence s) {
        if (s.length() == 0) {
            return 0;
        }
        int[] counts = new int[128];
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other++;
            }
        }
        double bits = 0;
        double n = s.length();
        for (int count : counts) {
            bits += term(count, n);
        }
        return bits + term(other, n);
    }

    private static double term(int count, double n) {
        if (count == 0) {
            return 0;
        }
        double p = count / n;
        return -p * Math.log(p) / Math.log(2);
    }

    /** The variable part of a token with a known prefix: the prefix already says "token", this rules out placeholders. */
    static boolean tokenTail(CharSequence tail) {
        return tail.length() >= 16 && entropy(tail) >= 3.0;
    }

    /** How many of lower case, upper case, digits and other characters {@code s} uses. */
    static int classes(CharSequence s) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /**
     * A value assigned to {@code password}, {@code token} or {@code secret}, which has no prefix to tell it
     * apart: random-looking means three character classes spread out as far as its length allows, or a
     * long value of two classes (a lower-case-and-digits token) that is spread out well.
     */
    static boolean assignedValue(CharSequence v) {
        double e = entropy(v);
        int classes = classes(v);
        double spread = Math.min(3.5, log2(v.length()) - 0.5);
        return (classes >= 3 && e >= spread) || (classes >= 2 && v.length() >= 20 && e >= 4.0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** 8-4-4-4-12 hexadecimal digits: an identifier, public by design. */
    static boolean isUuid(CharSequence s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return false;
            }
        }
        return true;
    }

    /** Only hexadecimal digits: a git or SHA hash, a checksum, a colour; taken for a hash, not a secret. */
    static boolean isHex(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isHex(s.charAt(i))) {
                return false;
            }
        }
        return s.length() > 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
