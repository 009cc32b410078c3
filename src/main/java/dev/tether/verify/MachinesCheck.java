package dev.tether.verify;

import dev.tether.state.MachineId;
import dev.tether.state.MachineRegistry;
import dev.tether.state.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code machines}: the machines registered in the synced folder, and whether they link the same items. */
final class MachinesCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) {
        Path synced = v.syncedFolder().orElse(null);
        if (synced == null || !Files.isDirectory(synced)) {
            return List.of();
        }
        String me = MachineId.peek(v.ctx().locations().stateDir());
        List<String> mine = v.state().map(s -> s.items().stream().map(State.LinkedItem::name).sorted().toList()).orElse(List.of());
        List<Finding> out = new ArrayList<>();
        for (MachineRegistry.Machine m : new MachineRegistry(synced).all()) {
            String path = new MachineRegistry(synced).dir().resolve(m.machineId() + ".json").toString();
            String who = m.hostname() + " (" + m.os() + ", tether " + m.tetherVersion() + ")";
            if (m.machineId().equals(me)) {
                out.add(Finding.info("machines", null, path, "this machine: " + who, null));
            } else if (!m.items().stream().sorted().toList().equals(mine)) {
                out.add(Finding.warn("machines", null, path, who + " last ran tether " + m.lastCommand() + " at " + m.lastRun()
                        + " and links " + m.items() + ", this machine links " + mine, "tether setup --item ... to link the same items"));
            } else {
                out.add(Finding.info("machines", null, path, who + " last ran tether " + m.lastCommand() + " at " + m.lastRun(), null));
            }
        }
        return out;
    }
}
