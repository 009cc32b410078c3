package dev.tether.secrets;

import java.util.Random;

/**
 * Token-shaped strings made up for tests from a seeded random source: the shapes of real keys, never a
 * real key. Seeded, so a failing test fails the same way again.
 */
final class SyntheticTokens {
    static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static final String URL_SAFE = ALNUM + "_-";
    static final String UPPER_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final String BASE64 = ALNUM + "+/";
    static final String HEX = "0123456789abcdef";

    private final Random random;

    SyntheticTokens(long seed) {
        this.random = new Random(seed);
    }

    String of(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    String anthropic() {
        return "sk-ant-api03-" + of(URL_SAFE, 93) + "AA";
    }

    String openAiProject() {
        return "sk-proj-" + of(URL_SAFE, 64) + "T3BlbkFJ" + of(URL_SAFE, 64);
    }

    String openAiLegacy() {
        return "sk-" + of(ALNUM, 20) + "T3BlbkFJ" + of(ALNUM, 20);
    }

    String github(String prefix) {
        return prefix + of(ALNUM, 36);
    }

    String githubFineGrained() {
        return "github_pat_" + of(ALNUM, 22) + "_" + of(ALNUM, 59);
    }

    String gitlab() {
        return "glpat-" + of(URL_SAFE, 20);
    }

    String aws(String prefix) {
        return prefix + of(UPPER_DIGITS, 16);
    }

    String slackBot() {
        return "xoxb-" + of("0123456789", 12) + "-" + of("0123456789", 13) + "-" + of(ALNUM, 24);
    }

    String slackWebhookPath() {
        return "T" + of(UPPER_DIGITS, 8) + "/B" + of(UPPER_DIGITS, 10) + "/" + of(ALNUM, 24);
    }

    String google() {
        return "AIza" + of(URL_SAFE, 35);
    }

    /** A password as a generator makes one: every class of character. */
    String password() {
        return of("abcdefghijkmnopqrstuvwxyz", 6) + of("ABCDEFGHJKLMNPQRSTUVWXYZ", 5) + of("23456789", 4) + of("!#^&*", 3);
    }

    String hex(int length) {
        return of(HEX, length);
    }

    String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
    }
}
