package dev.tether.conflict;

import java.nio.file.Path;
import java.util.List;

/** Runs one merge in a fresh JVM, so a test can bound its heap: {@code MergeMain OUT MAIN [COPY]...}. */
public final class MergeMain {
    private MergeMain() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> inputs = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
        MergeResult r = JsonlMerge.merge(inputs, Path.of(args[0]));
        System.out.println(r.linesOut() + " " + r.duplicatesDropped() + " " + r.streamed() + " " + r.orderedByTimestamp());
    }
}
