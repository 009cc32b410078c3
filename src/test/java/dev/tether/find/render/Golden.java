package dev.tether.find.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under {@code src/test/resources/dev/tether/find/render/golden/}.
 * Run with {@code -Dgolden.update=true} to write the files instead, then read the diff before committing.
 */
final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "dev", "tether", "find", "render", "golden");

    private Golden() {
    }

    static void check(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "output differs from the golden file " + file
                + " (run with -Dgolden.update=true to accept it, then read the diff)");
    }
}
