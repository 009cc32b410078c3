package dev.tether.schedule;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A {@link CommandRunner} that answers from a script and remembers every command, with its input. */
final class ScriptedRunner implements CommandRunner {
    /** A command as it was run. */
    record Call(List<String> argv, String stdin) {
        String line() {
            return String.join(" ", argv);
        }
    }

    private final Function<List<String>, Result> script;
    final List<Call> calls = new ArrayList<>();

    ScriptedRunner(Function<List<String>, Result> script) {
        this.script = script;
    }

    static Result ok(String stdout) {
        return new Result(0, stdout, "");
    }

    static Result fail(int code, String stderr) {
        return new Result(code, "", stderr);
    }

    @Override
    public Result run(List<String> argv, String stdin) throws IOException {
        calls.add(new Call(List.copyOf(argv), stdin));
        Result r = script.apply(argv);
        if (r == null) {
            throw new IOException("Cannot run program \"" + argv.get(0) + "\": error=2, No such file or directory");
        }
        return r;
    }

    List<String> lines() {
        return calls.stream().map(Call::line).toList();
    }
}
