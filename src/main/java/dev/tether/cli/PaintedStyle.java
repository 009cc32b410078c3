package dev.tether.cli;

import dev.tether.find.render.Style;

/** The text format's parts in the console's colours (none when colour is off). */
final class PaintedStyle implements Style {
    private final Console console;

    PaintedStyle(Console console) {
        this.console = console;
    }

    @Override
    public String speaker(String text) {
        return console.paint(text, Console.Paint.BOLD);
    }

    @Override
    public String tool(String text) {
        return console.paint(text, Console.Paint.CYAN);
    }

    @Override
    public String dim(String text) {
        return console.paint(text, Console.Paint.DIM);
    }

    @Override
    public String warn(String text) {
        return console.paint(text, Console.Paint.YELLOW);
    }
}
