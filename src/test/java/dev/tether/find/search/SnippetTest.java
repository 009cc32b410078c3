package dev.tether.find.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A hit's snippet: the text around the match, every term marked, white space folded, cuts shown. */
class SnippetTest {
    private static String marked(Snippet s) {
        return s.parts().stream().map(p -> p.match() ? "[" + p.text() + "]" : p.text()).collect(Collectors.joining());
    }

    private static MessageMatch.Found find(List<String> texts, String... terms) {
        return MessageMatch.find(texts.stream().map(t -> new Field("user", t)).toList(), List.of(terms).stream().map(Term::new).toList());
    }

    @Test
    void marksEveryTermInTheOriginalCase() {
        MessageMatch.Found f = find(List.of("Fix the İstanbul loader\nand\tthe CONFIG"), "istanbul", "config");
        assertEquals("Fix the [İstanbul] loader and the [CONFIG]", marked(f.snippet()));
        assertEquals("Fix the İstanbul loader and the CONFIG", f.snippet().plain());
    }

    @Test
    void longTextsAreCutAroundTheMatchWithEllipses() {
        String text = "a".repeat(200) + " needle " + "b".repeat(200);
        Snippet s = find(List.of(text), "NEEDLE").snippet();
        String m = marked(s);
        assertEquals('\u2026', m.charAt(0));
        assertEquals('\u2026', m.charAt(m.length() - 1));
        assertEquals("a".repeat(Snippet.BEFORE - 1) + " [needle] " + "b".repeat(Snippet.AFTER - 1), m.substring(1, m.length() - 1));
    }

    @Test
    void cutsFallBetweenWords() {
        String text = "lorem ipsum ".repeat(20) + "needle" + " dolor sit".repeat(20);
        String m = marked(find(List.of(text), "needle").snippet());
        assertEquals("\u2026lorem", m.substring(0, 6));
        assertTrue(m.endsWith(" sit\u2026") || m.endsWith(" dolor\u2026"), m);
    }

    @Test
    void everyTermMustBeInTheMessage() {
        assertNull(find(List.of("only one here"), "one", "two"));
        assertEquals("first [one]", marked(find(List.of("first one", "second two"), "one", "two").snippet()),
                "terms in two texts of one message are a hit; the snippet is the first text's");
    }

    @Test
    void theSnippetComesFromTheTextWithTheMostTerms() {
        MessageMatch.Found f = find(List.of("alpha", "beta and alpha"), "alpha", "beta");
        assertEquals("[beta] and [alpha]", marked(f.snippet()));
    }
}
