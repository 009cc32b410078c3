package dev.tether.find;

/** Receives a transcript's raw lines in order. */
@FunctionalInterface
public interface LineVisitor {
    /**
     * One line: its bytes without the line end, its number (from 1) and how many bytes it took in the
     * (decompressed) file, line end included. Returns false to stop reading.
     */
    boolean line(byte[] line, long number, int sizeInFile);
}
