package dev.tether.detect;

/** Finds the folders of one sync client. Reads only; never throws for a missing or malformed file (it notes it). */
interface Detector {
    Provider provider();

    void detect(DetectContext ctx, Candidates out);
}
