package dev.tether.profile;

import dev.tether.secrets.SecretFinding;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code tether config export} would write, found before anything is written: the files with their
 * names in the zip, what was left out and why, and the token-like strings in the files (the names in the
 * findings are the zip names; the secrets are masked).
 */
public record ExportPlan(List<File> files, List<Skipped> skipped, List<SecretFinding> secrets) {

    /** A file to export: its name in the zip ({@code /}-separated), where it is, and whether it is executable. */
    public record File(String name, Path source, boolean executable) {
    }

    /** Something left out: its name, and why ("a link", "a credential's name"). */
    public record Skipped(String name, String reason) {
    }

    public ExportPlan {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
        secrets = List.copyOf(secrets);
    }
}
