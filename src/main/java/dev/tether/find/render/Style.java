package dev.tether.find.render;

/** How the text format marks its parts; the command paints them on a terminal, tests and files keep them plain. */
public interface Style {
    Style PLAIN = new Style() {
    };

    /** Who speaks: a turn's heading. */
    default String speaker(String text) {
        return text;
    }

    /** A tool call. */
    default String tool(String text) {
        return text;
    }

    /** What is less important: times, notes, folded parts, cut marks. */
    default String dim(String text) {
        return text;
    }

    /** A problem shown in place (a broken line). */
    default String warn(String text) {
        return text;
    }
}
