package dev.tether.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tether.layout.Kind;
import dev.tether.platform.Platform;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An entry Java sees as "other" is a file when the platform says it is a cloud placeholder (Windows
 * shows online-only files as reparse points), and unsupported otherwise. A FIFO stands in for it here.
 */
class ObserverPlaceholderTest {
    @TempDir
    Path dir;

    @Test
    void anOtherEntryThePlatformCallsAPlaceholderIsAFile() throws Exception {
        Path fifo = fifo();
        Entry e = Observer.look(fifo, false, placeholders(true));
        assertEquals(Kind.FILE, assertInstanceOf(Entry.Data.class, e).kind());
    }

    @Test
    void anOtherEntryThatIsNoPlaceholderIsUnsupported() throws Exception {
        Path fifo = fifo();
        assertInstanceOf(Entry.Unsupported.class, Observer.look(fifo, false, placeholders(false)));
        assertInstanceOf(Entry.Unsupported.class, Observer.look(fifo, false));
    }

    private Path fifo() throws IOException, InterruptedException {
        Path fifo = dir.resolve("online-only.jsonl");
        int rc = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor();
        assumeTrue(rc == 0 && Files.exists(fifo), "mkfifo is needed to make an 'other' entry");
        return fifo;
    }

    /** A platform that answers only isPlaceholder; any other call is a test error. */
    private static Platform placeholders(boolean answer) {
        return (Platform) Proxy.newProxyInstance(Platform.class.getClassLoader(), new Class<?>[] {Platform.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("isPlaceholder")) {
                        return answer;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
