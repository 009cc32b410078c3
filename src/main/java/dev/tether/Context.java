package dev.tether;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tether.apply.Journal;
import dev.tether.layout.Locations;
import dev.tether.layout.Os;
import dev.tether.platform.ClaudeProbe;
import dev.tether.platform.FreeSpace;
import dev.tether.platform.Platform;
import dev.tether.readonly.ReadOnlyFileSystem;
import dev.tether.readonly.ReadOnlyPlatform;
import dev.tether.retention.Retention;
import dev.tether.retention.SettingsFile;
import dev.tether.state.MachineEntry;
import dev.tether.state.MachineRegistry;
import dev.tether.state.StateStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the domain needs from the outside world, in one value: the file system, the environment,
 * the OS, the native platform, the resolved locations, the process probe and the free-space probe.
 * Tests and the demo build their own.
 */
public record Context(FileSystem fs, Map<String, String> env, Os os, Platform platform, Locations locations,
        ClaudeProbe claudeProbe, FreeSpace freeSpace, Path managedSettings) {

    public Context(FileSystem fs, Map<String, String> env, Os os, Platform platform, Locations locations,
            ClaudeProbe claudeProbe) {
        this(fs, env, os, platform, locations, claudeProbe, FreeSpace.OF_FILE_STORE, Locations.managedSettings(fs, os));
    }

    /** The user's {@code settings.json} in the Claude data dir. */
    public SettingsFile userSettings() {
        return new SettingsFile(locations.claudeDir().resolve("settings.json"));
    }

    /** This machine's effective {@code cleanupPeriodDays}: managed settings, else the user's, else the default. */
    public Retention retention() {
        return Retention.effective(settingsOf(new SettingsFile(managedSettings)), settingsOf(userSettings()));
    }

    private static JsonNode settingsOf(SettingsFile file) {
        return file.read() instanceof SettingsFile.Read.Valid v ? v.settings() : null;
    }

    public StateStore stateStore() {
        return new StateStore(locations.stateDir());
    }

    /** This machine's entry in a synced folder's registry. */
    public MachineEntry machine() {
        return MachineEntry.of(locations.stateDir(), env, os, () -> {
            Retention r = retention();
            return new MachineRegistry.Retained(r.days(), r.source().name().toLowerCase(Locale.ROOT));
        });
    }

    public Journal journal() {
        return new Journal(locations.stateDir(), env.get("TETHER_CRASH_AT"));
    }

    /**
     * The same world seen through a view of the disk that throws on every write: what dry runs and
     * {@code verify} work with, so they cannot change anything even by mistake.
     */
    public Context readOnly() {
        FileSystem view = ReadOnlyFileSystem.of(fs);
        Locations seen = new Locations(view.getPath(locations.home().toString()), view.getPath(locations.claudeDir().toString()),
                view.getPath(locations.stateDir().toString()));
        return new Context(view, env, os, ReadOnlyPlatform.of(platform, view), seen, claudeProbe, freeSpace,
                view.getPath(managedSettings.toString()));
    }
}
