package dev.tether.plan;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tether.layout.Os;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A home on a Jimfs file system that behaves like one OS: its path syntax, its case rules, and a
 * Claude dir, a sync root and a state dir where that OS puts them.
 */
record World(String name, Os os, Configuration config, String home, String syncRoot) {

    static Stream<World> all() {
        return Stream.of(
                new World("linux", Os.LINUX, Configuration.unix(), "/home/me", "/home/me/Proton Drive"),
                new World("macos", Os.MACOS, Configuration.osX(), "/Users/me", "/Users/me/Library/CloudStorage/Dropbox"),
                new World("windows", Os.WINDOWS, Configuration.windows().toBuilder().setRoots("C:\\", "D:\\").build(),
                        "C:\\Users\\me", "D:\\OneDrive"));
    }

    static World named(String name) {
        return all().filter(w -> w.name.equals(name)).findFirst().orElseThrow();
    }

    /** An open file system with the home, an empty Claude dir and an empty sync root. */
    Disk open() throws IOException {
        FileSystem fs = Jimfs.newFileSystem(name, config);
        Path home = fs.getPath(this.home);
        Path claude = Files.createDirectories(home.resolve(".claude"));
        Path root = Files.createDirectories(fs.getPath(syncRoot));
        Path state = home.resolve("tether-state");
        return new Disk(this, fs, home, claude, root, state);
    }

    @Override
    public String toString() {
        return name;
    }

    /** One test's file system and its places. */
    record Disk(World world, FileSystem fs, Path home, Path claude, Path root, Path state) implements AutoCloseable {
        Path synced() {
            return root.resolve(SyncLayout.DEFAULT_FOLDER);
        }

        SyncLayout layout() {
            return SyncLayout.resolve(claude, root, SyncLayout.DEFAULT_FOLDER, state);
        }

        Path write(Path file, String text) throws IOException {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        }

        @Override
        public void close() throws IOException {
            fs.close();
        }
    }
}
