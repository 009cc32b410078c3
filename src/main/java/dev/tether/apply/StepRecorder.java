package dev.tether.apply;

import java.io.IOException;

/** Where a job reports each completed step: the journal, or nowhere while rolling back. */
interface StepRecorder {
    void record(String step, String item) throws IOException;

    StepRecorder NONE = (step, item) -> { };
}
