package dev.tether.state;

import dev.tether.Version;
import dev.tether.layout.Os;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** This machine as the synced folder's registry knows it: writes its entry, and names the machines there. */
public final class MachineEntry {
    private final Path stateDir;
    private final String hostname;
    private final Os os;
    private final Supplier<MachineRegistry.Retained> retention;

    public MachineEntry(Path stateDir, String hostname, Os os, Supplier<MachineRegistry.Retained> retention) {
        this.stateDir = stateDir;
        this.hostname = hostname;
        this.os = os;
        this.retention = retention;
    }

    /** This machine's entry, its host name read from the environment (or the OS); {@code retention} is read when written. */
    public static MachineEntry of(Path stateDir, Map<String, String> env, Os os, Supplier<MachineRegistry.Retained> retention) {
        return new MachineEntry(stateDir, hostname(env), os, retention);
    }

    /** This machine's host name, as the registry and the archive's index show it. */
    public String hostname() {
        return hostname;
    }

    /** Writes this machine's entry into the registry of the state's synced folder, when that folder exists. */
    public void write(State state, String command) throws IOException {
        Path synced = stateDir.getFileSystem().getPath(state.syncedFolder());
        if (!Files.isDirectory(synced)) {
            return;
        }
        String id = MachineId.loadOrCreate(stateDir);
        MachineRegistry.Retained kept = retention.get();
        new MachineRegistry(synced).write(new MachineRegistry.Machine(1, id, hostname, os.id(), Version.get(),
                Instant.now().toString(), command, state.items().stream().map(State.LinkedItem::name).sorted().toList(),
                kept.days(), kept.source()));
    }

    /**
     * The host names of the machines that use the synced folder: this one and every one registered in
     * it. OneDrive names its conflict copies after the machine, so only these suffixes count as copies.
     */
    public List<String> knownHostnames(Path synced) {
        List<String> names = new ArrayList<>();
        names.add(hostname);
        for (MachineRegistry.Machine m : new MachineRegistry(synced).all()) {
            names.add(m.hostname());
        }
        return names;
    }

    static String hostname(Map<String, String> env) {
        String fromEnv = env.getOrDefault("HOSTNAME", env.get("COMPUTERNAME"));
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv;
        }
        try {
            Path etc = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(etc)) {
                return Files.readString(etc).trim();
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
