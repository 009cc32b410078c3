package dev.tether.find;

/**
 * One line of a transcript as read: a JSON object understood as far as finding needs it
 * ({@link TranscriptLine}), or a line that is not one ({@link BrokenLine}), kept in its place so that
 * whoever shows the session can say so instead of dropping it.
 */
public sealed interface Entry permits TranscriptLine, BrokenLine {
}
