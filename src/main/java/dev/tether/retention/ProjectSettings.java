package dev.tether.retention;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.state.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Project settings that lower the retention: a Claude Code started in a project whose
 * {@code .claude/settings.json} or {@code .claude/settings.local.json} sets {@code cleanupPeriodDays} uses that
 * value, and its sweep then deletes old transcripts of every project (measured with Claude Code 2.1.332),
 * through tether's links for every machine. The projects are the working directories the transcripts name
 * ({@code cwd}); only the first lines of one transcript per project folder are read.
 */
public final class ProjectSettings {
    private static final int HEAD_LINES = 50;

    /** One project settings file whose value deletes. */
    public record Lowered(Path settings, int days) {
    }

    private ProjectSettings() {
    }

    /** The project settings files, of the projects under {@code projects}, that set a value below {@link Retention#KEEP_ALL}. */
    public static List<Lowered> lowering(Path projects) {
        List<Lowered> out = new ArrayList<>();
        for (Path cwd : workingDirs(projects)) {
            for (String name : List.of("settings.json", "settings.local.json")) {
                Path file = cwd.resolve(".claude").resolve(name);
                if (new SettingsFile(file).read() instanceof SettingsFile.Read.Valid v) {
                    JsonNode value = v.settings().get(Retention.KEY);
                    if (value != null && value.canConvertToInt() && value.asInt() >= 1 && value.asInt() < Retention.KEEP_ALL) {
                        out.add(new Lowered(file, value.asInt()));
                    }
                }
            }
        }
        return out;
    }

    private static Set<Path> workingDirs(Path projects) {
        Set<Path> out = new LinkedHashSet<>();
        if (!Files.isDirectory(projects)) {
            return out;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(projects)) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    cwdOf(dir).ifPresent(cwd -> out.add(projects.getFileSystem().getPath(cwd)));
                }
            }
        } catch (IOException e) {
            // verify's other checks report an unreadable folder
        }
        return out;
    }

    private static java.util.Optional<String> cwdOf(Path projectDir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(projectDir, "*.jsonl")) {
            for (Path transcript : files) {
                try (BufferedReader r = Files.newBufferedReader(transcript, StandardCharsets.UTF_8)) {
                    String line;
                    for (int i = 0; i < HEAD_LINES && (line = r.readLine()) != null; i++) {
                        if (line.contains("\"cwd\"")) {
                            JsonNode cwd = Json.COMPACT.readTree(line).get("cwd");
                            if (cwd != null && cwd.isTextual() && !cwd.asText().isEmpty()) {
                                return java.util.Optional.of(cwd.asText());
                            }
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // a transcript that cannot be read names no project; try the next
                }
            }
        } catch (IOException e) {
            // no transcripts here
        }
        return java.util.Optional.empty();
    }
}
