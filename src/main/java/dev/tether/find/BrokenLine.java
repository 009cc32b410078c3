package dev.tether.find;

/** A line that is not a JSON object: its size and why it could not be read. A blank line is one too, reported nowhere. */
public record BrokenLine(int bytes, String reason) implements Entry {
    static final String BLANK = "blank line";

    public boolean blank() {
        return BLANK.equals(reason);
    }
}
