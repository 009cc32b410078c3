package dev.tether.platform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code <claude-dir>/sessions/<pid>.json}: Claude Code keeps one while it runs (interactive and {@code -p})
 * and removes it at exit; a crash leaves it behind. Measured with 2.1.332: {@code pid}, {@code sessionId},
 * {@code cwd}, {@code procStart} (Linux: the process's start in clock ticks after boot), {@code pidDomain}
 * ({@code linux:<machine-id>:pid:[<pid namespace inode>]}), {@code kind}, {@code status} and more.
 *
 * @param pid       from the file name (the content may be half written)
 * @param procStart empty when absent or unreadable
 * @param pidDomain empty when absent or unreadable
 */
public record SessionFile(Path path, long pid, Optional<String> procStart, Optional<String> pidDomain,
        Optional<String> sessionId) {
    private static final Pattern NAME = Pattern.compile("([0-9]{1,10})\\.json");

    /** The session files in {@code <claudeDir>/sessions}; none when the folder is missing. */
    public static List<SessionFile> in(Path claudeDir) {
        List<SessionFile> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(claudeDir.resolve("sessions"), "*.json")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches()) {
                    out.add(read(file, Long.parseLong(m.group(1))));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            // An unreadable sessions folder tells nothing; the process scan still decides.
            return out;
        }
        return out;
    }

    static SessionFile read(Path file, long pid) {
        try {
            return parse(file, pid, Files.readString(file));
        } catch (IOException e) {
            return new SessionFile(file, pid, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** A pure parse; content that is no JSON object (half written) leaves the fields empty. */
    static SessionFile parse(Path file, long pid, String content) {
        JsonNode doc;
        try {
            doc = Json.COMPACT.readTree(content);
        } catch (IOException e) {
            doc = null;
        }
        if (doc == null || !doc.isObject()) {
            return new SessionFile(file, pid, Optional.empty(), Optional.empty(), Optional.empty());
        }
        return new SessionFile(file, pid, text(doc, "procStart"), text(doc, "pidDomain"), text(doc, "sessionId"));
    }

    private static Optional<String> text(JsonNode doc, String field) {
        JsonNode v = doc.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? Optional.empty() : Optional.of(v.asText());
    }
}
