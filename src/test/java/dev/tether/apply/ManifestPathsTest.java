package dev.tether.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A walked path's place below its root, read from its text, is what {@code Path.relativize} says. */
class ManifestPathsTest {
    @Test
    void belowAndRelativeAgreeWithRelativizeOnUnixAndWindows() throws IOException {
        for (Configuration config : new Configuration[] {Configuration.unix(), Configuration.windows(), Configuration.osX()}) {
            try (FileSystem fs = Jimfs.newFileSystem(config)) {
                Path root = fs.getRootDirectories().iterator().next();
                Path base = root.resolve("home").resolve("me").resolve(".claude").resolve("projects");
                for (Path p : new Path[] {base, base.resolve("a"), base.resolve("a").resolve("b c.jsonl"),
                        base.resolve("é").resolve("x@v2")}) {
                    assertEquals(base.relativize(p).toString(), Manifest.below(base, p), p.toString());
                    assertEquals(base.relativize(p).toString().replace('\\', '/'), Manifest.relative(base, p));
                }
                Path top = root.resolve("file");
                assertEquals("file", Manifest.below(root, top)); // a root ends with its separator
            }
        }
    }

    @Test
    void aBackslashInAUnixNameStaysInThePathButNotInTheKey() {
        Path base = Path.of("/tmp/x");
        Path odd = base.resolve("a\\b.jsonl");
        if (odd.getFileSystem().getSeparator().equals("/")) {
            assertEquals("a\\b.jsonl", Manifest.below(base, odd));
            assertEquals("a/b.jsonl", Manifest.relative(base, odd));
        }
    }
}
