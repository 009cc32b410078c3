package dev.tether.flow;

import dev.tether.Context;
import dev.tether.Version;
import dev.tether.state.MachineId;
import dev.tether.state.MachineRegistry;
import dev.tether.state.State;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes this machine's entry into the synced folder's registry. */
public final class MachineEntry {
    private MachineEntry() {
    }

    public static void write(Context ctx, State state, String command) throws IOException {
        Path synced = ctx.fs().getPath(state.syncedFolder());
        if (!Files.isDirectory(synced)) {
            return;
        }
        String id = MachineId.loadOrCreate(ctx.locations().stateDir());
        new MachineRegistry(synced).write(new MachineRegistry.Machine(1, id, hostname(ctx), ctx.os().id(), Version.get(),
                Instant.now().toString(), command, state.items().stream().map(State.LinkedItem::name).sorted().toList()));
    }

    /**
     * The host names of the machines that use the synced folder: this one and every one registered in
     * it. OneDrive names its conflict copies after the machine, so only these suffixes count as copies.
     */
    public static List<String> knownHostnames(Context ctx, Path synced) {
        List<String> names = new ArrayList<>();
        names.add(hostname(ctx));
        for (MachineRegistry.Machine m : new MachineRegistry(synced).all()) {
            names.add(m.hostname());
        }
        return names;
    }

    static String hostname(Context ctx) {
        String env = ctx.env().getOrDefault("HOSTNAME", ctx.env().get("COMPUTERNAME"));
        if (env != null && !env.isEmpty()) {
            return env;
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
