package dev.tether.demo;

import java.util.Random;

/**
 * Made-up words and texts for generated transcripts: English, and words of other scripts in several
 * case forms (Turkish dotted and dotless i, German ß, Greek final sigma, Cyrillic, a titlecase
 * digraph, the Kelvin sign, combining accents), so search and rendering meet what real users write.
 */
final class SampleText {
    static final String[] WORDS = {"the", "test", "fails", "because", "loader", "config", "parser", "build", "merge",
            "session", "history", "cache", "thread", "buffer", "stream", "token", "import", "README", "Makefile",
            "TODO", "Test", "TEST", "Config", "Loader", "İstanbul", "ISTANBUL", "ıstanbul", "istanbul", "Straße",
            "STRASSE", "straße", "ΟΔΟΣ", "οδός", "Σίσυφος", "ΣΊΣΥΦΟΣ", "σίσυφος", "Москва", "МОСКВА", "москва",
            "Ǆemal", "ǆemal", "ǅemal", "naïve", "NAÏVE", "café", "CAFÉ", "cafe\u0301", "\u212Aelvin", "kelvin", "KELVIN",
            "日本語", "テスト", "emoji🚀", "Ünïcödé", "ÜNÏCÖDÉ", "quote\"d", "back\\slash", "tab\there"};
    static final String[] FILES = {"src/main/App.java", "src/test/AppTest.java", "README.md", "docs/Bücher/notes.md",
            "pom.xml", "scripts/build.sh", "src/İçerik/Veri.java"};
    static final String[] COMMANDS = {"mvn -q test", "git status", "ls -la", "grep -rn TODO src", "npm run build",
            "python3 -m pytest -q", "cat /etc/os-release"};
    static final String[] PATTERNS = {"TODO", "class .*Loader", "**/*.java", "fn main", "İstanbul"};

    private final Random random;

    SampleText(Random random) {
        this.random = random;
    }

    String words(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(pick(WORDS));
        }
        return s.toString();
    }

    /** Several lines of words; {@code lines} of them. */
    String paragraph(int lines) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                s.append('\n');
            }
            s.append(words(3, 10));
        }
        return s.toString();
    }

    String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    String hex(int digits) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(random.nextInt(16), 16));
        }
        return s.toString();
    }
}
