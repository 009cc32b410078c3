package dev.tether.verify;

import java.util.List;

/** {@code setup.state}: this machine was set up and its state file is readable. */
final class StateCheck implements Check {
    @Override
    public List<Finding> run(VerifyContext v) {
        String file = v.ctx().stateStore().file().toString();
        if (v.state().isEmpty()) {
            return List.of(Finding.error("setup.state", null, file, "this machine was never set up",
                    "tether setup --sync-root DIR"));
        }
        return List.of(Finding.ok("setup.state", null, file, "set up; " + v.state().get().items().size()
                + " item(s) linked into " + v.state().get().syncedFolder()));
    }
}
