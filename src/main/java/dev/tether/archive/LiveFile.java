package dev.tether.archive;

import java.nio.file.Path;

/**
 * A file of the Claude data dir's items as a backup finds it: its path relative to the data dir
 * ({@code /}-separated), where it is (read through the item's link), and what its metadata says.
 */
public record LiveFile(String rel, Path path, long size, long mtime, String key) {
}
