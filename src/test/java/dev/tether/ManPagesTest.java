package dev.tether;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The man pages in {@code docs/man} are what picocli's {@link ManPageGenerator} makes of the commands as
 * they are now: one AsciiDoc page for {@code tether} and one per subcommand. When an option, a
 * description or a command changes, this test fails until the pages are made again with
 * {@code mvn -B -q test -Dtest=ManPagesTest -Dtether.updateManPages=true}, so the shipped pages never drift.
 */
class ManPagesTest {
    private static final Path COMMITTED = Path.of("docs", "man");
    private static final String UPDATE = "tether.updateManPages";

    @Test
    void committedManPagesAreThoseTheCommandsMake(@TempDir Path fresh) throws IOException {
        generate(fresh);
        Map<String, String> made = pages(fresh);
        assertTrue(made.containsKey("tether.adoc") && made.containsKey("tether-setup.adoc"), made::toString);
        if (Boolean.getBoolean(UPDATE)) {
            replaceCommitted(made);
        }
        Map<String, String> committed = pages(COMMITTED);
        List<String> stale = new ArrayList<>();
        for (String name : made.keySet()) {
            if (!made.get(name).equals(committed.get(name))) {
                stale.add(committed.containsKey(name) ? name + " differs" : name + " is missing");
            }
        }
        committed.keySet().stream().filter(name -> !made.containsKey(name)).forEach(name -> stale.add(name + " is left over"));
        if (!stale.isEmpty()) {
            fail("docs/man is out of date (" + String.join(", ", stale) + "). Make the pages again with:\n"
                    + "  mvn -B -q test -Dtest=ManPagesTest -D" + UPDATE + "=true\nand commit docs/man.");
        }
        assertEquals(made.keySet(), committed.keySet());
    }

    /** Every page, from the annotations alone: nothing runs, so no environment is needed. */
    private static void generate(Path dir) throws IOException {
        CommandSpec root = new CommandLine(new Main(null)).getCommandSpec();
        // Subcommands have no version of their own; their pages carry tether's.
        for (CommandLine sub : root.subcommands().values()) {
            sub.getCommandSpec().version(root.version());
        }
        int code = ManPageGenerator.generateManPage(dir.toFile(), null, new boolean[0], false, root);
        assertEquals(0, code, "ManPageGenerator failed");
    }

    /** The pages of a folder by file name, with line ends made the same on every OS. */
    private static Map<String, String> pages(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".adoc")).toList()) {
                out.put(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        }
        return out;
    }

    private static void replaceCommitted(Map<String, String> made) throws IOException {
        Files.createDirectories(COMMITTED);
        for (String old : pages(COMMITTED).keySet()) {
            if (!made.containsKey(old)) {
                Files.delete(COMMITTED.resolve(old));
            }
        }
        for (Map.Entry<String, String> page : made.entrySet()) {
            Files.writeString(COMMITTED.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
        }
    }
}
