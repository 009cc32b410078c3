package dev.tether.conflict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random JSONL versions split at random into a main file and copies: the merge holds exactly the
 * distinct lines, each once, in timestamp order when every line has one, and merging again changes
 * nothing. Seeded, so a failure names the seed that reproduces it. Runs on Jimfs.
 */
class JsonlMergePropertyTest {
    private static final int ITERATIONS = 300;

    /** In memory: thousands of small files on a real disk make a slow test, and the code under test is the same. */
    private final FileSystem fs = Jimfs.newFileSystem(Configuration.unix());
    private final Path dir = fs.getPath("/merge");

    @BeforeEach
    void makeDir() throws IOException {
        Files.createDirectories(dir);
    }

    @AfterEach
    void closeFs() throws IOException {
        fs.close();
    }

    @ParameterizedTest(name = "sorted inputs: {0}, with invalid lines: {1}")
    @CsvSource({"true, false", "false, false", "true, true", "false, true"})
    void mergeHoldsEveryDistinctLineOnceAndIsIdempotent(boolean sortedInputs, boolean withInvalid) throws IOException {
        Random random = new Random(20240817L + (sortedInputs ? 1 : 0) + (withInvalid ? 2 : 0));
        for (int i = 0; i < ITERATIONS; i++) {
            long seed = random.nextLong();
            Path here = Files.createDirectory(dir.resolve("run" + i));
            check(here, new Random(seed), sortedInputs, withInvalid, "seed " + seed);
        }
    }

    private static void check(Path dir, Random random, boolean sortedInputs, boolean withInvalid, String seed) throws IOException {
        List<Line> pool = pool(random, withInvalid);
        int files = 1 + random.nextInt(4);
        List<List<Line>> contents = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            contents.add(new ArrayList<>());
        }
        for (Line line : pool) {
            int copies = 1 + random.nextInt(files);
            for (int c = 0; c < copies; c++) {
                contents.get(random.nextInt(files)).add(line); // may land twice in one file: a duplicate within it
            }
        }
        List<Path> inputs = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            List<Line> content = contents.get(f);
            if (sortedInputs) {
                content.sort(Comparator.comparing(Line::order, Comparator.nullsFirst(Comparator.naturalOrder()))); // stable: ties stay random
            } else {
                Collections.shuffle(content, random);
            }
            Path p = dir.resolve("in" + f + ".jsonl");
            write(p, content, random);
            inputs.add(p);
        }
        Path out = dir.resolve("out.jsonl");
        MergeResult result = JsonlMerge.merge(inputs, out);
        byte[] once = Files.readAllBytes(out);
        List<String> merged = Files.readAllLines(out, StandardCharsets.UTF_8);

        Set<String> distinct = new HashSet<>();
        for (List<Line> content : contents) {
            content.forEach(l -> distinct.add(l.text()));
        }
        assertEquals(distinct, new HashSet<>(merged), seed + ": not exactly the distinct lines");
        assertEquals(merged.size(), new LinkedHashSet<>(merged).size(), seed + ": a line twice");
        assertEquals(result.linesIn(), result.linesOut() + result.duplicatesDropped(), seed);
        assertEquals(merged.size(), result.linesOut(), seed);

        boolean allStamped = pool.stream().allMatch(l -> l.order() != null);
        assertEquals(allStamped, result.orderedByTimestamp(), seed);
        if (allStamped) {
            for (int k = 1; k < merged.size(); k++) {
                assertTrue(stamp(merged.get(k - 1)).compareTo(stamp(merged.get(k))) <= 0, seed + ": out of order at " + k);
            }
            if (sortedInputs) {
                assertTrue(result.streamed(), seed + ": sorted inputs were not streamed");
            }
        } else {
            List<String> mainDistinct = new ArrayList<>(new LinkedHashSet<>(contents.get(0).stream().map(Line::text).toList()));
            assertEquals(mainDistinct, merged.subList(0, mainDistinct.size()), seed + ": main's order not kept");
        }

        List<Path> withCopies = new ArrayList<>();
        withCopies.add(out);
        withCopies.addAll(inputs.subList(1, inputs.size()));
        Path again = dir.resolve("again.jsonl");
        JsonlMerge.merge(withCopies, again);
        assertArrayEquals(once, Files.readAllBytes(again), seed + ": merging the result with the copies again changed it");
        JsonlMerge.merge(List.of(out), again);
        assertArrayEquals(once, Files.readAllBytes(again), seed + ": merging the result alone changed it");
        withCopies.add(inputs.get(0));
        JsonlMerge.merge(withCopies, again);
        assertArrayEquals(once, Files.readAllBytes(again), seed + ": merging the result with every input changed it");
    }

    /** One distinct line; {@code order} is its instant, or null when it has no timestamp or is not JSON. */
    private record Line(String text, Instant order) {
    }

    private static List<Line> pool(Random random, boolean withInvalid) {
        int n = 1 + random.nextInt(40);
        boolean iso = random.nextBoolean();
        List<Line> pool = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (pool.size() < n) {
            Line line = withInvalid && random.nextInt(6) == 0 ? oddLine(random) : stampedLine(random, iso);
            if (seen.add(line.text())) {
                pool.add(line);
            }
        }
        return pool;
    }

    private static Line stampedLine(Random random, boolean iso) {
        long ms = 1_700_000_000_000L + random.nextInt(20) * 1000L; // few distinct instants: many ties
        Instant at = Instant.ofEpochMilli(ms);
        String text = "t" + random.nextInt(1000) + (random.nextBoolean() ? " é" : "");
        String stamp = iso
                ? "\"" + (random.nextBoolean() ? at.toString() : at.atOffset(ZoneOffset.ofHours(random.nextInt(5) - 2)).toString()) + "\""
                : Long.toString(ms);
        return new Line("{\"display\":\"" + text + "\",\"timestamp\":" + stamp + "}", at);
    }

    private static Line oddLine(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> new Line("{\"display\":\"torn line " + random.nextInt(1000), null);
            case 1 -> new Line("{\"type\":\"summary\",\"summary\":\"s" + random.nextInt(1000) + "\"}", null);
            default -> new Line("garbage " + random.nextInt(1000) + " }{", null);
        };
    }

    /** Writes the lines with a random mix of line ends, sometimes none after the last one. */
    private static void write(Path p, List<Line> content, Random random) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            sb.append(content.get(i).text());
            boolean last = i == content.size() - 1;
            if (!last || random.nextInt(4) != 0) {
                sb.append(random.nextInt(5) == 0 ? "\r\n" : "\n");
            }
        }
        Files.write(p, sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Instant stamp(String line) {
        LineStamp s = LineStamp.of(line.getBytes(StandardCharsets.UTF_8));
        return s.stamp();
    }
}
