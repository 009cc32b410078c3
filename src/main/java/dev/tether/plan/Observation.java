package dev.tether.plan;

import dev.tether.layout.Kind;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What is on disk for one item, on both sides, plus what this machine recorded about it.
 *
 * @param source the item's path in the Claude data dir
 * @param target the planned path in the synced folder
 * @param recordedTarget the target the state file says this item was linked to, if any
 * @param sameDevice whether source and the synced folder share a device (a move is then one rename)
 */
public record Observation(String item, Optional<Kind> expectedKind, Path source, Entry local, Path target, Entry synced,
        Optional<Path> recordedTarget, boolean sameDevice) {
}
