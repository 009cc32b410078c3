package dev.tether.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes this process may still write on the file system holding a folder. */
@FunctionalInterface
public interface FreeSpace {
    long usable(Path dir) throws IOException;

    /** The file system's own answer. */
    FreeSpace OF_FILE_STORE = dir -> Files.getFileStore(dir).getUsableSpace();
}
