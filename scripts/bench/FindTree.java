import dev.tether.demo.SampleData;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Generates the Claude data dir the find benchmarks read: SESSIONS sessions of every line type with their
 * subagents, in 20 projects; LINES sets their length (13, the benchmark's, makes 20,000 sessions of
 * about 600 MB of transcripts in all).
 *
 *     java -cp target/tether.jar scripts/bench/FindTree.java OUT [SESSIONS] [LINES] [SEED]
 */
public final class FindTree {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 13;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        int projects = 20;
        SampleData.generate(out, seed, new SampleData.Scale(100, projects, Math.max(1, sessions / projects), lines, 0, 1),
                Instant.parse("2026-05-01T12:00:00Z"));
    }
}
