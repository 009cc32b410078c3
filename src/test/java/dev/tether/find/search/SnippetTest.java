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

    /** The snippet of the whole text, as it was made before only a window of the text was decoded. */
    private static Snippet wholeText(String text, List<Term> terms) {
        int[] original = text.codePoints().toArray();
        int[] folded = new int[original.length];
        for (int i = 0; i < original.length; i++) {
            folded[i] = Fold.fold(original[i]);
        }
        int at = Integer.MAX_VALUE;
        int end = 0;
        for (Term term : terms) {
            int i = Snippet.indexOf(folded, term.folded, 0);
            if (i >= 0 && i < at) {
                at = i;
                end = i + term.folded.length;
            }
        }
        return Snippet.around(original, folded, at, end, terms);
    }

    @Test
    void aWindowOfTheTextGivesTheSnippetOfTheWholeText() {
        java.util.Random random = new java.util.Random(15);
        String[] pieces = {"a", "b", "ab", "Ab", "AB", " ", "\n", "\t", "  ", "\u0130", "\u0131", "\ud83d\ude00", "\u212a", "k", "K",
                "\u03c3", "\u03a3", "\u03c2", "\u001b", "\ud800", "\udc00", "xyz", "word "};
        String[] termPool = {"ab", "k", "kk", "a b", "\u03c3\u03c3", "\ud83d\ude00a", "xyz", "b", "ba", "i", "word word"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(400);
            for (int i = 0; i < length; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<Term> terms = java.util.stream.IntStream.range(0, 1 + random.nextInt(3))
                    .mapToObj(i -> new Term(termPool[random.nextInt(termPool.length)])).toList();
            String t = text.toString();
            if (terms.stream().noneMatch(term -> MessageMatch.indexOf(t, term.folded) >= 0)) {
                continue;
            }
            assertEquals(marked(wholeText(t, terms)), marked(MessageMatch.snippet(t, terms)), t);
            Snippet snippet = MessageMatch.snippet(t, terms);
            assertEquals(wholeText(t, terms), snippet, t);
            for (Snippet.Part p : snippet.parts()) {
                assertEquals(dev.tether.find.Printable.of(p.text()), p.text(), "printed as it is, so it must be printable");
            }
        }
    }

    @Test
    void aMatchDeepInALongTextIsCutTheSameWay() {
        String text = "x ".repeat(5_000) + "the NEEDLE is here " + "y ".repeat(5_000) + "needle";
        List<Term> terms = List.of(new Term("needle"), new Term("here"));
        assertEquals(marked(wholeText(text, terms)), marked(MessageMatch.snippet(text, terms)));
        assertTrue(marked(MessageMatch.snippet(text, terms)).startsWith("\u2026x x"));
    }

    @Test
    void findingATermByItsFirstCodePointsAgreesWithFoldingEveryOne() {
        java.util.Random random = new java.util.Random(16);
        String[] pieces = {"a", "K", "k", "\u212a", "\u212b", "\u00e5", "\u00c5", "s", "\u017f", "S", "\u03c3", "\u03c2", "\u03a3", " ",
                "\u0130", "i", "I", "\u0131", "\ud83d\ude00", "\ud801\udc00", "\ud801\udc28", "\ud800", "\u1e9e", "\u00df", "\u01c5"};
        String[] termPool = {"k", "kk", "\u212b", "\u00e5k", "s", "\u03c3s", "i", "\u0131", "\ud83d\ude00", "\ud801\udc28", "\ud800",
                "\u00df", "\u01c6", "ka", "a"};
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            Term term = new Term(termPool[random.nextInt(termPool.length)]);
            assertEquals(MessageMatch.indexOf(text.toString(), term.folded), MessageMatch.indexOf(text.toString(), term),
                    text + " / " + term.text);
        }
    }
}

