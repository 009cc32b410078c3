package dev.tether.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Project settings that lower the retention are found through the working directories the transcripts name. */
class ProjectSettingsTest {
    @TempDir
    Path tmp;

    private Path project(String name, String settings, String file) throws IOException {
        Path cwd = Files.createDirectories(tmp.resolve("code").resolve(name));
        if (settings != null) {
            Files.writeString(Files.createDirectories(cwd.resolve(".claude")).resolve(file), settings);
        }
        Path dir = Files.createDirectories(tmp.resolve("projects").resolve("-code-" + name));
        Files.writeString(dir.resolve("s.jsonl"), "{\"type\":\"last-prompt\"}\n{\"type\":\"user\",\"cwd\":\"" + cwd + "\"}\n");
        return cwd;
    }

    @Test
    void aProjectThatSetsALowValueIsFoundOneThatKeepsIsNot() throws IOException {
        Path low = project("low", "{\"cleanupPeriodDays\": 30}", "settings.json");
        Path local = project("local", "{\"cleanupPeriodDays\": 7}", "settings.local.json");
        project("keeps", "{\"cleanupPeriodDays\": 36500}", "settings.json");
        project("none", null, null);
        List<ProjectSettings.Lowered> found = ProjectSettings.lowering(tmp.resolve("projects"));
        assertEquals(2, found.size(), found::toString);
        assertEquals(java.util.Set.of(new ProjectSettings.Lowered(low.resolve(".claude/settings.json"), 30),
                new ProjectSettings.Lowered(local.resolve(".claude/settings.local.json"), 7)), java.util.Set.copyOf(found));
    }
}
